using System.Globalization;
using System.Text.Json;
using Shouldly;
using Verified.Reference.Loki.Querier;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Query.Tests.Querier;

/// <summary>Every case of querier_interval_vectors.json (loki TestQuerier_buildQueryIntervals), at a fixed "now".</summary>
public sealed class QueryIntervalVectorTests
{
    private const long Hour = QuerierConfig.Hour;
    private static readonly long Now = 946_684_800L * 1_000_000_000L; // 2000-01-01T00:00:00Z

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        var count = SharedVectors.Load("loki/querier_interval_vectors.json").GetProperty("cases").GetArrayLength();
        for (var i = 0; i < count; i++)
        {
            data.Add(i, "overlapping");
            data.Add(i, "non_overlapping");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Routing_MatchesLoki(int index, string query)
    {
        var root = SharedVectors.Load("loki/querier_interval_vectors.json");
        var range = root.GetProperty("queries").GetProperty(query);
        var c = root.GetProperty("cases")[index];
        var lookBack = Duration(c, "ingester_query_store_max_lookback");
        var within = Duration(c, "query_ingesters_within");
        var expected = c.GetProperty(query);

        var built = QueryIntervals.Build(Time(range[0]), Time(range[1]), Now, within, lookBack);

        built.Ingester.ShouldBe(Interval(expected, "ingester"));
        built.Store.ShouldBe(Interval(expected, "store"));
    }

    [Fact]
    public void AllTwelveRoutingsAreCovered() => Cases().Count.ShouldBe(12);

    private static TimeInterval? Interval(JsonElement expected, string side) =>
        expected.TryGetProperty(side, out var pair) ? new TimeInterval(Time(pair[0]), Time(pair[1])) : null;

    /// <summary>"now", or "now-Nh".</summary>
    private static long Time(JsonElement text)
    {
        var s = text.GetString()!;
        return s == "now" ? Now : Now - (long.Parse(s["now-".Length..^1], CultureInfo.InvariantCulture) * Hour);
    }

    /// <summary>Absent or 0 → 0; "Nh" → hours; "-1" → Go's time.Duration(-1), one nanosecond below zero.</summary>
    private static long Duration(JsonElement c, string name)
    {
        if (!c.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Number)
        {
            return value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
        }

        var s = value.GetString()!;
        return s.EndsWith('h') ? long.Parse(s[..^1], CultureInfo.InvariantCulture) * Hour : long.Parse(s, CultureInfo.InvariantCulture);
    }
}
