using System.Text.Json;
using Verified.Reference.Elasticsearch;
using Verified.Routing;

namespace Verified.Cli.Oracle;

/// <summary>The es.* oracle ops: murmur3 hash, shard id, search shards.</summary>
internal static class ElasticsearchOps
{
    public static void Murmur3(Request request, Utf8JsonWriter writer)
    {
        var spec = OracleHandler.SpecOf<IShardFormulaSpec>(request, ElasticsearchRouting.Instance);
        var hash = spec.Hash(request.String("input"));
        writer.WriteStartObject();
        writer.WriteNumber("hash", hash);
        writer.WriteEndObject();
    }

    public static void Shard(Request request, Utf8JsonWriter writer)
    {
        var routing = Routing(request);
        var shard = routing.ShardId(request.String("id"), request.Optional("routing"));
        writer.WriteStartObject();
        writer.WriteNumber("shard", shard);
        writer.WriteEndObject();
    }

    public static void SearchShards(Request request, Utf8JsonWriter writer)
    {
        var shards = Routing(request).SearchShards(request.String("routing"));
        writer.WriteStartObject();
        writer.WriteStartArray("shards");
        foreach (var shard in shards)
        {
            writer.WriteNumberValue(shard);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static IndexRouting Routing(Request request)
    {
        var spec = OracleHandler.SpecOf<IShardFormulaSpec>(request, ElasticsearchRouting.Instance);
        var formula = request.Optional("formula") switch
        {
            null => ShardFormula.Legacy,
            "legacy" => ShardFormula.Legacy,
            "modulo" => ShardFormula.Modulo,
            var other => throw new OracleException($"field 'formula' must be \"legacy\" or \"modulo\", not \"{other}\""),
        };

        return IndexRouting.Create(
            spec,
            (int)request.Integer("shards", int.MinValue, int.MaxValue),
            (int?)request.OptionalInteger("routing_shards", int.MinValue, int.MaxValue),
            (int?)request.OptionalInteger("partition_size", int.MinValue, int.MaxValue),
            formula,
            request.Optional("index") ?? "index");
    }
}
