using System.Text;
using System.Text.Json;
using Verified.Conformance.Checks;
using Verified.Reference.Elasticsearch;
using Verified.Routing;

namespace Verified.Conformance.Placement;

/// <summary>The Elasticsearch gold vectors (ELASTICSEARCH.md §8), one check per file; derived fields and hints are not compared.</summary>
public static partial class PlacementVectors
{
    /// <summary>elasticsearch/murmur3_hash_known_values.json.</summary>
    public const string EsMurmur3File = "elasticsearch/murmur3_hash_known_values.json";

    /// <summary>elasticsearch/index_routing_testBWC_8_shards.json.</summary>
    public const string EsBwcFile = "elasticsearch/index_routing_testBWC_8_shards.json";

    /// <summary>elasticsearch/es2x_shard_routes.json.</summary>
    public const string EsShardRoutesFile = "elasticsearch/es2x_shard_routes.json";

    /// <summary>elasticsearch/partitioned_routing.json.</summary>
    public const string EsPartitionedFile = "elasticsearch/partitioned_routing.json";

    /// <summary>elasticsearch/mod_routing_change.json.</summary>
    public const string EsModRoutingChangeFile = "elasticsearch/mod_routing_change.json";

    /// <summary>elasticsearch/api_created_default_routing_shards_empirical.json.</summary>
    public const string EsApiCreatedFile = "elasticsearch/api_created_default_routing_shards_empirical.json";

    /// <summary>Murmur3HashFunctionTests: the hashed bytes equal utf16le_hex, and the hash equals the gold value (ES-PLACE-1, ES-PLACE-9).</summary>
    public static CheckOutcome EsMurmur3(CheckContext context) => VectorReport.Run(context, EsMurmur3File, (root, report) =>
    {
        var spec = context.Target.Elasticsearch;
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var input = c.GetProperty("input").GetString()!;
            var name = $"murmur3 {Show.Text(input)}";
            var hex = c.GetProperty("utf16le_hex").GetString()!;
            var expected = c.GetProperty("expected_hash_int32").GetInt32();
            report.Case(name, () =>
            {
                report.Equal(name, $"bytes hashed ({spec.HashEncoding})", hex, Convert.ToHexStringLower(KeyBytes(spec, input)));
                report.Equal(name, "HashBytes(utf16le_hex)", unchecked((uint)expected), spec.HashBytes(Convert.FromHexString(hex)));
                report.Equal(name, "expected_hash_hex", Hex32(c.GetProperty("expected_hash_hex")), spec.HashBytes(Convert.FromHexString(hex)));
                report.Equal(name, "Hash", expected, spec.Hash(input));
            });
        }
    });

    /// <summary>IndexRoutingTests.testBWC (N = R = 8): each string as _id, as routing and as search routing, both functions (ES-PLACE-9).</summary>
    public static CheckOutcome EsBwc(CheckContext context) => VectorReport.Run(context, EsBwcFile, (root, report) =>
    {
        var spec = context.Target.Elasticsearch;
        var parameters = root.GetProperty("params");
        var (n, r) = (parameters.GetProperty("number_of_shards").GetInt32(), parameters.GetProperty("routing_num_shards").GetInt32());
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var value = c.GetProperty("routing_or_id").GetString()!;
            var expected = c.GetProperty("expected_shard").GetInt32();
            var name = $"testBWC {Show.Text(value)}";
            report.Case(name, () =>
            {
                report.Equal(name, "murmur3_hash", c.GetProperty("murmur3_hash").GetInt32(), spec.Hash(value));
                foreach (var formula in new[] { ShardFormula.Legacy, ShardFormula.Modulo })
                {
                    var routing = IndexRouting.Create(spec, n, r, formula: formula);
                    report.Equal(name, $"{formula} shard as _id", expected, routing.ShardId(value, null));
                    report.Equal(name, $"{formula} shard as routing", expected, routing.ShardId("some-id", value));
                    report.Sequence(name, $"{formula} search shards", [expected], routing.SearchShards(value));
                }
            });
        }
    });

    /// <summary>ES 2.x shard_routes.txt: the gold "current" shard = FloorMod(h, N), under legacy with R = N and under modulo (ES-PLACE-2, ES-PLACE-9).</summary>
    public static CheckOutcome EsShardRoutes(CheckContext context) => VectorReport.Run(context, EsShardRoutesFile, (root, report) =>
    {
        var spec = context.Target.Elasticsearch;
        report.Note("derived fields (murmur3_hash, legacy_default_routing_num_shards, derived_shard_es7plus_api_created) and the pre-2.0 DJB column not compared");
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var n = c.GetProperty("num_shards").GetInt32();
            var id = c.GetProperty("id").GetString()!;
            var routing = c.GetProperty("routing").ValueKind == JsonValueKind.Null ? null : c.GetProperty("routing").GetString();
            var name = $"shard_routes N {n} _id {Show.Text(id)} routing {Show.Text(routing)}";
            report.Case(name, () =>
            {
                foreach (var formula in new[] { ShardFormula.Legacy, ShardFormula.Modulo })
                {
                    report.Equal(name, $"{formula} (R = N) shard", c.GetProperty("expected_shard_es2x_to_6x").GetInt32(), IndexRouting.Create(spec, n, n, formula: formula).ShardId(id, routing));
                }
            });
        }
    });

    /// <summary>
    /// routing_partition_size sets: N = R = 6, p = 2 (both functions); shrunk N = 4, R = 8, p = 3 under legacy and
    /// under modulo — shard, the two hashes, and that the shard is among the routing's search shards (ES-PLACE-6, ES-PLACE-9).
    /// </summary>
    public static CheckOutcome EsPartitioned(CheckContext context) => VectorReport.Run(context, EsPartitionedFile, (root, report) =>
    {
        var spec = context.Target.Elasticsearch;
        foreach (var set in root.GetProperty("sets").EnumerateArray())
        {
            var setName = set.GetProperty("name").GetString()!;
            var parameters = set.GetProperty("params");
            var n = parameters.GetProperty("number_of_shards").GetInt32();
            var r = parameters.GetProperty("routing_num_shards").GetInt32();
            var p = parameters.GetProperty("routing_partition_size").GetInt32();
            ShardFormula[] formulas = parameters.TryGetProperty("routing_function", out _) ? [ShardFormula.Modulo]
                : setName.Contains("legacy", StringComparison.OrdinalIgnoreCase) ? [ShardFormula.Legacy]
                : [ShardFormula.Legacy, ShardFormula.Modulo]; // R == N: the file notes both functions agree
            foreach (var c in set.GetProperty("cases").EnumerateArray())
            {
                var (id, routingValue) = (c.GetProperty("id").GetString()!, c.GetProperty("routing").GetString()!);
                var name = $"{setName} _id {id} routing {routingValue}";
                report.Case(name, () =>
                {
                    report.Equal(name, "murmur3_id", c.GetProperty("murmur3_id").GetInt32(), spec.Hash(id));
                    report.Equal(name, "murmur3_routing", c.GetProperty("murmur3_routing").GetInt32(), spec.Hash(routingValue));
                    foreach (var formula in formulas)
                    {
                        var routing = IndexRouting.Create(spec, n, r, p, formula);
                        var expected = c.GetProperty("expected_shard").GetInt32();
                        report.Equal(name, $"{formula} shard", expected, routing.ShardId(id, routingValue));
                        report.Equal(name, $"{formula} shard among the search shards", true, routing.SearchShards(routingValue).Contains(expected));
                    }
                });
            }
        }
    });

    /// <summary>testSimpleRoutingPreAndPostModRoutingChange: _id "1", N = 2 → 1 under modulo, 0 under legacy R = 1024 (ES-PLACE-3, ES-PLACE-9).</summary>
    public static CheckOutcome EsModRoutingChange(CheckContext context) => VectorReport.Run(context, EsModRoutingChangeFile, (root, report) =>
    {
        var spec = context.Target.Elasticsearch;
        report.Equal("murmur3 of \"1\"", "murmur3_hash_of_1", root.GetProperty("murmur3_hash_of_1").GetInt32(), spec.Hash("1"));
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var id = c.GetProperty("id").GetString()!;
            var n = c.GetProperty("number_of_shards").GetInt32();
            var version = c.GetProperty("index_created_version").GetString()!;
            var modulo = version.Contains(">= MOD_ROUTING_FUNCTION", StringComparison.Ordinal);
            var rElement = c.GetProperty("routing_num_shards");
            var r = rElement.ValueKind == JsonValueKind.Number ? rElement.GetInt32() : n; // "default (builder: == number_of_shards)"
            var formula = modulo ? ShardFormula.Modulo : ShardFormula.Legacy;
            var name = $"_id {id} N {n} R {r} {formula} ({version})";
            report.Case(name, () => report.Equal(name, "shard", c.GetProperty("expected_shard").GetInt32(), IndexRouting.Create(spec, n, r, formula: formula).ShardId(id, null)));
        }
    });

    /// <summary>
    /// Shards observed on ES 8.19.16 and OS 2.19.5 for REST-created indices (legacy, default R): the default R, the
    /// routing factor, the hash and the shard of each routing (ES-PLACE-4, ES-PLACE-9).
    /// </summary>
    public static CheckOutcome EsApiCreated(CheckContext context) => VectorReport.Run(context, EsApiCreatedFile, (root, report) =>
    {
        var spec = context.Target.Elasticsearch;
        report.Note("mod_routing_shard_for_comparison is derived and not compared");
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var value = c.GetProperty("routing").GetString()!;
            var n = c.GetProperty("number_of_shards").GetInt32();
            var name = $"routing {Show.Text(value)} N {n}";
            report.Case(name, () =>
            {
                var routing = IndexRouting.Create(spec, n, formula: ShardFormula.Legacy);
                report.Equal(name, "default_routing_num_shards", c.GetProperty("default_routing_num_shards").GetInt32(), routing.RoutingShards);
                report.Equal(name, "routing_factor", c.GetProperty("routing_factor").GetInt32(), routing.RoutingFactor);
                report.Equal(name, "murmur3_hash", c.GetProperty("murmur3_hash").GetInt32(), spec.Hash(value));
                var expected = c.GetProperty("expected_shard").GetInt32();
                report.Equal(name, "shard", expected, routing.ShardId("doc-1", value));
                report.Sequence(name, "search shards", [expected], routing.SearchShards(value));
            });
        }
    });

    /// <summary>The bytes a spec hashes for a key, by its declared encoding.</summary>
    private static byte[] KeyBytes(IShardFormulaSpec spec, string key) => spec.HashEncoding switch
    {
        "utf16le" => IndependentModel.Utf16LeBytes(key),
        "utf8" => Encoding.UTF8.GetBytes(key),
        _ => throw new InvalidOperationException($"spec {spec.Id} declares an unknown hash encoding '{spec.HashEncoding}'"),
    };
}
