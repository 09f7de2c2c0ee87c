using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Verified.Conformance.Checks;
using Verified.Reference.Loki.Ring;

namespace Verified.Conformance.Placement;

/// <summary>dskit's own ring tests (ring_upstream_vectors.json).</summary>
public static partial class PlacementVectors
{
    /// <summary>loki/ring_upstream_vectors.json.</summary>
    public const string LokiRingUpstreamFile = "loki/ring_upstream_vectors.json";

    private const long VectorNow = 1_000_000;

    /// <summary>
    /// TestSearchToken (strict search), TestGetTokenDistance, TestRingReplicationStrategy (the filter, reached through
    /// a ring whose walk returns the given live and dead instances), TestRing_GetReplicationSetForOperation and the
    /// operation bitmaps (LOKI-PLACE-13; also LOKI-PLACE-4, -7, -8, -9).
    /// </summary>
    public static CheckOutcome LokiRingUpstream(CheckContext context) => VectorReport.Run(context, LokiRingUpstreamFile, (root, report) =>
    {
        var target = context.Target;
        var search = root.GetProperty("searchToken");
        var tokens = search.GetProperty("tokens").EnumerateArray().Select(e => e.GetUInt32()).ToArray();
        foreach (var c in search.GetProperty("cases").EnumerateArray())
        {
            var key = c.GetProperty("key").GetUInt32();
            report.Case($"searchToken key {key}", () => report.Equal($"searchToken [{string.Join(",", tokens)}] key {key}", "index", c.GetProperty("index").GetInt32(), target.Loki.SearchToken(tokens, key)));
        }

        foreach (var c in root.GetProperty("tokenDistance").GetProperty("cases").EnumerateArray())
        {
            var (from, to) = (c.GetProperty("from").GetUInt32(), c.GetProperty("to").GetUInt32());
            report.Equal($"tokenDistance {from}->{to}", "distance", c.GetProperty("expected").GetInt64(), TokenDistance.Between(from, to));
        }

        foreach (var c in root.GetProperty("defaultReplicationStrategy.Filter").GetProperty("cases").EnumerateArray())
        {
            var (rf, live, dead) = (c.GetProperty("rf").GetInt32(), c.GetProperty("live").GetInt32(), c.GetProperty("dead").GetInt32());
            var name = $"Filter rf {rf} live {live} dead {dead}";
            report.Case(name, () =>
            {
                var set = FilterRing(target, rf, live, dead).Get(0, RingProperties.Operation(target, "Read"), VectorNow);
                report.Equal(name, "instances handed to the filter", live + dead, set.Walked.Length);
                if (c.TryGetProperty("error", out var error))
                {
                    report.Equal(name, "error", error.GetString(), set.Error);
                }
                else
                {
                    report.Equal(name, "error", null, set.Error);
                    report.Equal(name, "max_failure", c.GetProperty("max_failure").GetInt32(), set.MaxErrors);
                }
            });
        }

        var ignoring = root.GetProperty("ignoreUnhealthyInstancesReplicationStrategy.Filter").GetProperty("cases").GetArrayLength();
        report.Note($"{ignoring} ignoreUnhealthyInstancesReplicationStrategy cases not applicable (Loki's ring uses the default strategy; the spec has no other)");

        foreach (var c in root.GetProperty("GetReplicationSetForOperation").GetProperty("cases").EnumerateArray())
        {
            var name = "GetReplicationSetForOperation " + c.GetProperty("name").GetString();
            report.Case(name, () =>
            {
                var rf = c.GetProperty("rf").GetInt32();
                var timeout = GoDurationSeconds(c.GetProperty("hb_timeout").GetString()!);
                var ages = c.TryGetProperty("ages_s", out var a) ? a.EnumerateArray().Select(e => e.GetInt64()).ToArray() : [];
                var active = target.Loki.FindState("ACTIVE")!.Value;
                var instances = ages.Select((age, i) => new RingInstance($"ing-{i + 1}", $"127.0.0.{i + 1}", "", active, [(uint)((i + 1) * 1000)], VectorNow - age));
                var ring = target.CreateRing(instances, new RingConfig(rf, false, timeout));
                foreach (var op in new[] { "Read", "Write", "Reporting" })
                {
                    var set = ring.GetReplicationSetForOperation(RingProperties.Operation(target, op), VectorNow);
                    if (c.TryGetProperty("error", out var error))
                    {
                        report.Equal(name, $"{op} error", error.GetString(), set.Error);
                        continue;
                    }

                    report.Equal(name, $"{op} error", null, set.Error);
                    var expected = c.GetProperty("expected").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal);
                    report.Sequence(name, $"{op} instances (as a set)", expected, set.Instances.Select(i => i.Addr).Order(StringComparer.Ordinal));
                    var maxErrors = c.TryGetProperty("max_errors", out var m) ? m : c.GetProperty("max_errors_derived");
                    report.Equal(name, $"{op} MaxErrors", maxErrors.GetInt32(), set.MaxErrors);
                }
            });
        }

        foreach (var op in root.GetProperty("Operation bitmaps").EnumerateObject().Where(p => p.Name != "source"))
        {
            var opName = op.Name.Split(' ')[0];
            report.Case($"operation {opName}", () =>
            {
                var operation = RingProperties.Operation(target, opName);
                var all = target.Loki.States.Select(s => s.Name).ToList();
                report.Sequence($"operation {opName}", "healthy states", StateNames(op.Value.GetProperty("healthy"), all), target.Loki.States.Where(operation.IsHealthyState).Select(s => s.Name).Order(StringComparer.Ordinal));
                report.Sequence($"operation {opName}", "extend states", StateNames(op.Value.GetProperty("extend_on"), all), target.Loki.States.Where(operation.ShouldExtend).Select(s => s.Name).Order(StringComparer.Ordinal));
            });
        }
    });

    /// <summary>
    /// A ring whose Read walk from key 0 hands the filter <paramref name="live"/> + <paramref name="dead"/> instances
    /// (upstream calls Filter directly): live ones heartbeat now, dead ones at 0 with addresses dead1…; when there
    /// are more than RF, the first live ones are PENDING — healthy for Read and extending its walk by one each.
    /// </summary>
    private static Ring FilterRing(PlacementTarget target, int rf, int live, int dead)
    {
        var extensions = Math.Max(0, live + dead - rf);
        if (extensions > live)
        {
            throw new InvalidOperationException($"cannot hand {live + dead} instances to the filter with RF {rf}: only {live} live ones can extend the walk");
        }

        var active = target.Loki.FindState("ACTIVE")!.Value;
        var pending = target.Loki.FindState("PENDING")!.Value;
        var instances = ImmutableArray.CreateBuilder<RingInstance>();
        for (var i = 0; i < live; i++)
        {
            instances.Add(new RingInstance($"live{i + 1}", $"live{i + 1}", "", i < extensions ? pending : active, [(uint)((i + 1) * 100)], VectorNow));
        }

        for (var j = 0; j < dead; j++)
        {
            instances.Add(new RingInstance($"dead{j + 1}", $"dead{j + 1}", "", active, [(uint)((live + j + 1) * 100)], 0));
        }

        return target.CreateRing(instances, new RingConfig(rf, false, 100));
    }

    private static IEnumerable<string> StateNames(JsonElement element, IReadOnlyList<string> all) =>
        (element.ValueKind == JsonValueKind.String && element.GetString() == "all" ? all : element.EnumerateArray().Select(e => e.GetString()!)).Order(StringComparer.Ordinal);

    /// <summary>A Go duration such as 1m, 1h, 100s, in seconds.</summary>
    private static int GoDurationSeconds(string text)
    {
        var value = int.Parse(text[..^1], CultureInfo.InvariantCulture);
        return text[^1] switch
        {
            's' => value,
            'm' => value * 60,
            'h' => value * 3600,
            _ => throw new FormatException($"unsupported duration '{text}'"),
        };
    }
}
