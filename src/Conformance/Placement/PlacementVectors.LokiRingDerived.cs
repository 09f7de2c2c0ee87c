using Verified.Conformance.Checks;
using Verified.Reference.Loki.Ring;

namespace Verified.Conformance.Placement;

/// <summary>The derived Get + Filter lookups (ring_get_derived.json).</summary>
public static partial class PlacementVectors
{
    /// <summary>loki/ring_get_derived.json.</summary>
    public const string LokiRingDerivedFile = "loki/ring_get_derived.json";

    /// <summary>
    /// All 79 lookups of the 10 scenarios: walk order, replication set, MaxErrors, min_success and the error text (by
    /// Addr); for the end-to-end scenario also each stream's token (LOKI-PLACE-13; also LOKI-PLACE-4..8).
    /// </summary>
    public static CheckOutcome LokiRingDerived(CheckContext context) => VectorReport.Run(context, LokiRingDerivedFile, (root, report) =>
    {
        var target = context.Target;
        foreach (var scenario in root.GetProperty("cases").EnumerateArray())
        {
            var scenarioName = scenario.GetProperty("name").GetString()!;
            report.Case(scenarioName, () =>
            {
                var config = new RingConfig(
                    scenario.GetProperty("replication_factor").GetInt32(),
                    scenario.GetProperty("zone_awareness").GetBoolean(),
                    scenario.GetProperty("heartbeat_timeout_s").GetInt32());
                var now = scenario.GetProperty("now_unix_s").GetInt64();
                var instances = scenario.GetProperty("instances").EnumerateObject().Select(p => new RingInstance(
                    p.Name,
                    p.Value.GetProperty("addr").GetString()!,
                    p.Value.GetProperty("zone").GetString()!,
                    target.Loki.FindState(p.Value.GetProperty("state").GetString()!) ?? throw new InvalidOperationException($"unknown state in {scenarioName}"),
                    [.. p.Value.GetProperty("tokens").EnumerateArray().Select(t => t.GetUInt32())],
                    p.Value.GetProperty("heartbeat_unix_s").GetInt64()));
                var ring = target.CreateRing(instances, config);
                foreach (var lookup in scenario.GetProperty("lookups").EnumerateArray())
                {
                    var key = lookup.GetProperty("key").GetUInt32();
                    var op = lookup.GetProperty("op").GetString()!;
                    var name = $"{scenarioName} key {key} {op}";
                    report.Case(name, () =>
                    {
                        var set = ring.Get(key, RingProperties.Operation(target, op), now);
                        report.Sequence(name, "walk_order_before_filter", lookup.GetProperty("walk_order_before_filter").EnumerateArray().Select(e => e.GetString()!), set.Walked.Select(i => i.Id));
                        if (lookup.TryGetProperty("error", out var error))
                        {
                            report.Equal(name, "error", error.GetString(), set.Error);
                            return;
                        }

                        report.Equal(name, "error", null, set.Error);
                        report.Sequence(name, "replication_set", lookup.GetProperty("replication_set").EnumerateArray().Select(e => e.GetString()!), set.Instances.Select(i => i.Id));
                        report.Equal(name, "max_errors", lookup.GetProperty("max_errors").GetInt32(), set.MaxErrors);
                        report.Equal(name, "min_success", lookup.GetProperty("min_success").GetInt32(), set.MinSuccess);
                    });
                }

                if (scenario.TryGetProperty("streams", out var streams))
                {
                    foreach (var stream in streams.EnumerateArray())
                    {
                        var (tenant, labels) = (stream.GetProperty("tenant").GetString()!, stream.GetProperty("canonical_labels").GetString()!);
                        report.Equal($"{scenarioName} stream {tenant} {labels}", "token", stream.GetProperty("token").GetUInt32(), target.Loki.TokenFor(tenant, labels));
                    }
                }
            });
        }
    });
}
