using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Cli.Tests;

/// <summary>The gold vectors, asked through the oracle protocol exactly as another implementation would.</summary>
public sealed class OracleVectorTests
{
    [Fact]
    public void RingGetDerivedVectors_AllLookupsAgreeThroughTheProtocol()
    {
        var vectors = SharedVectors.Load("loki/ring_get_derived.json");
        var requests = new List<string>();
        var expected = new List<JsonElement>();
        foreach (var scenario in vectors.GetProperty("cases").EnumerateArray())
        {
            var instances = new JsonArray();
            foreach (var instance in scenario.GetProperty("instances").EnumerateObject())
            {
                instances.Add(new JsonObject
                {
                    ["id"] = instance.Name,
                    ["addr"] = instance.Value.GetProperty("addr").GetString(),
                    ["zone"] = instance.Value.GetProperty("zone").GetString(),
                    ["state"] = instance.Value.GetProperty("state").GetString(),
                    ["tokens"] = JsonNode.Parse(instance.Value.GetProperty("tokens").GetRawText()),
                    ["heartbeat"] = instance.Value.GetProperty("heartbeat_unix_s").GetInt64(),
                });
            }

            foreach (var lookup in scenario.GetProperty("lookups").EnumerateArray())
            {
                requests.Add(new JsonObject
                {
                    ["op"] = "loki.ring.get",
                    ["key"] = lookup.GetProperty("key").GetUInt32(),
                    ["operation"] = lookup.GetProperty("op").GetString(),
                    ["replication_factor"] = scenario.GetProperty("replication_factor").GetInt32(),
                    ["zone_awareness"] = scenario.GetProperty("zone_awareness").GetBoolean(),
                    ["heartbeat_timeout_s"] = scenario.GetProperty("heartbeat_timeout_s").GetInt32(),
                    ["now"] = scenario.GetProperty("now_unix_s").GetInt64(),
                    ["instances"] = instances.DeepClone(),
                }.ToJsonString());
                expected.Add(lookup);
            }
        }

        var answers = OracleProtocolTests.Ask([.. requests]);
        answers.Length.ShouldBe(requests.Count);
        var mismatches = new List<string>();
        for (var i = 0; i < answers.Length; i++)
        {
            var answer = JsonDocument.Parse(answers[i]).RootElement;
            var want = expected[i];
            string Got() => answers[i];
            if (want.TryGetProperty("error", out var error))
            {
                if (!answer.TryGetProperty("error", out var got) || got.GetString() != error.GetString())
                {
                    mismatches.Add($"lookup {i}: expected error '{error.GetString()}', got {Got()}");
                }

                continue;
            }

            var set = want.GetProperty("replication_set").EnumerateArray().Select(e => e.GetString()).ToList();
            if (!answer.TryGetProperty("instances", out var instancesGot)
                || !instancesGot.EnumerateArray().Select(e => e.GetString()).SequenceEqual(set)
                || answer.GetProperty("max_errors").GetInt32() != want.GetProperty("max_errors").GetInt32())
            {
                mismatches.Add($"lookup {i}: expected {string.Join(",", set)} / {want.GetProperty("max_errors")}, got {Got()}");
            }
        }

        requests.Count.ShouldBe(79);
        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void RestCreatedIndicesOnRealClusters_AgreeThroughTheProtocol()
    {
        var vectors = SharedVectors.Load("elasticsearch/api_created_default_routing_shards_empirical.json");
        var cases = vectors.GetProperty("cases").EnumerateArray().ToList();
        var answers = OracleProtocolTests.Ask([.. cases.Select(c => new JsonObject
        {
            ["op"] = "es.shard",
            ["id"] = "ignored",
            ["routing"] = c.GetProperty("routing").GetString(),
            ["shards"] = c.GetProperty("number_of_shards").GetInt32(),
            ["routing_shards"] = null,
            ["formula"] = "legacy",
        }.ToJsonString())]);
        answers.Select(a => JsonDocument.Parse(a).RootElement.GetProperty("shard").GetInt32())
            .ShouldBe(cases.Select(c => c.GetProperty("expected_shard").GetInt32()));
    }

    [Fact]
    public void Es2xShardRoutes_AgreeThroughTheProtocol()
    {
        var cases = SharedVectors.Load("elasticsearch/es2x_shard_routes.json").GetProperty("cases").EnumerateArray().ToList();
        var answers = OracleProtocolTests.Ask([.. cases.Select(c => new JsonObject
        {
            ["op"] = "es.shard",
            ["id"] = c.GetProperty("id").GetString(),
            ["routing"] = c.GetProperty("routing").ValueKind == JsonValueKind.Null ? null : c.GetProperty("routing").GetString(),
            ["shards"] = c.GetProperty("num_shards").GetInt32(),
            ["routing_shards"] = c.GetProperty("num_shards").GetInt32(),
        }.ToJsonString())]);
        answers.Select(a => JsonDocument.Parse(a).RootElement.GetProperty("shard").GetInt32())
            .ShouldBe(cases.Select(c => c.GetProperty("expected_shard_es2x_to_6x").GetInt32()));
    }
}
