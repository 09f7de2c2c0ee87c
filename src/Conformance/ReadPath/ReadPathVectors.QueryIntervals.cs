using System.Globalization;
using System.Text.Json;
using Verified.Conformance.Checks;
using Verified.Conformance.Placement;
using Verified.Reference.Loki.Querier;

namespace Verified.Conformance.ReadPath;

/// <summary>The read path's gold vectors (LOKI-READ-8): querier intervals, split intervals, merge and dedupe.</summary>
public static partial class ReadPathVectors
{
    /// <summary>loki/querier_interval_vectors.json.</summary>
    public const string QueryIntervalFile = "loki/querier_interval_vectors.json";

    /// <summary>The fixed "now" the routing cases are evaluated at: 2000-01-01T00:00:00Z.</summary>
    internal const long IntervalNow = 946_684_800L * 1_000_000_000L;

    /// <summary>The two query ranges of the file, each routed under every case.</summary>
    internal static readonly string[] IntervalQueries = ["overlapping", "non_overlapping"];

    /// <summary>Every routing of TestQuerier_buildQueryIntervals: which part of the range goes to the ingesters and which to the store.</summary>
    public static CheckOutcome QueryIntervals(CheckContext context) => VectorReport.Run(context, QueryIntervalFile, (root, report) =>
    {
        var cases = root.GetProperty("cases");
        for (var i = 0; i < cases.GetArrayLength(); i++)
        {
            foreach (var query in IntervalQueries)
            {
                var name = $"case {i} {query}";
                var index = i;
                report.Case(name, () => report.Equal(name, "ingester/store", (string?)null, QueryIntervalMismatch(root, index, query)));
            }
        }
    });

    /// <summary>Null when case <paramref name="index"/> routes <paramref name="query"/> as Loki does (loki pkg/querier/intervals.go).</summary>
    internal static string? QueryIntervalMismatch(JsonElement root, int index, string query)
    {
        var range = root.GetProperty("queries").GetProperty(query);
        var c = root.GetProperty("cases")[index];
        var expected = c.GetProperty(query);
        var built = Reference.Loki.Querier.QueryIntervals.Build(Time(range[0]), Time(range[1]), IntervalNow, Duration(c, "query_ingesters_within"), Duration(c, "ingester_query_store_max_lookback"));
        var want = (Interval(expected, "ingester"), Interval(expected, "store"));
        return want == (built.Ingester, built.Store) ? null : $"expected ingester {want.Item1}, store {want.Item2}; actual ingester {built.Ingester}, store {built.Store}";
    }

    private static TimeInterval? Interval(JsonElement expected, string side) =>
        expected.TryGetProperty(side, out var pair) ? new TimeInterval(Time(pair[0]), Time(pair[1])) : null;

    /// <summary>"now", or "now-Nh".</summary>
    private static long Time(JsonElement text)
    {
        var s = text.GetString()!;
        return s == "now" ? IntervalNow : IntervalNow - (long.Parse(s["now-".Length..^1], CultureInfo.InvariantCulture) * QuerierConfig.Hour);
    }

    /// <summary>Absent or 0 → 0; "Nh" → hours; "-1" → Go's time.Duration(-1), one nanosecond below zero.</summary>
    private static long Duration(JsonElement c, string name)
    {
        if (!c.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Number)
        {
            return value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
        }

        var s = value.GetString()!;
        return s.EndsWith('h') ? long.Parse(s[..^1], CultureInfo.InvariantCulture) * QuerierConfig.Hour : long.Parse(s, CultureInfo.InvariantCulture);
    }
}
