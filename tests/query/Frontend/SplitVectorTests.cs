using System.Text.Json;
using Shouldly;
using Verified.Reference.Loki.Frontend;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Query.Tests.Frontend;

/// <summary>loki/split_interval_vectors.json (upstream TestForInterval, 10 s interval unless the case says otherwise).</summary>
public sealed class SplitVectorTests
{
    private const decimal NanosPerSecond = 1_000_000_000m;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in SharedVectors.Load("loki/split_interval_vectors.json").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Fact]
    public void VectorFile_HasTheFiveUpstreamCases() => Cases().Count.ShouldBe(5);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_MatchesTheVector(string name)
    {
        var c = SharedVectors.Load("loki/split_interval_vectors.json").GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var interval = c.TryGetProperty("interval_s", out var i) ? i.GetDecimal() : 10m;
        var pieces = SplitByInterval.ForInterval(Ns(c.GetProperty("from_s")), Ns(c.GetProperty("through_s")), (long)(interval * NanosPerSecond), c.GetProperty("end_inclusive").GetBoolean());
        var expected = c.GetProperty("expected").EnumerateArray().Select(p => new TimeRange(Ns(p[0]), Ns(p[1]))).ToList();
        pieces.ShouldBe(expected);
    }

    [Fact]
    public void BoundsInclusiveFault_OverlapsNeighbouringPieces()
    {
        var pieces = SplitByInterval.ForInterval(5 * Build.Second, 28 * Build.Second, 10 * Build.Second, false, FrontendFaults.SplitBoundsInclusive);
        pieces.ShouldBe([new(5 * Build.Second, (10 * Build.Second) + 1), new(10 * Build.Second, (20 * Build.Second) + 1), new(20 * Build.Second, 28 * Build.Second)]);
    }

    [Fact]
    public void UnalignedStart_AlignsToTheEpoch_AndKeepsTheOriginalStart()
    {
        var hour = TimeSpan.FromHours(1);
        var start = (3_600 * 5 + 1_234) * Build.Second + 17;
        var pieces = SplitByInterval.ForInterval(start, start + (2 * 3_600 * Build.Second), hour, endInclusive: false);
        pieces.Select(p => p.StartNs).ShouldBe([start, 3_600 * 6 * Build.Second, 3_600 * 7 * Build.Second]);
        pieces[^1].EndNs.ShouldBe(start + (2 * 3_600 * Build.Second));
    }

    [Fact]
    public void EndOnABoundary_MakesNoEmptyLastPiece() =>
        SplitByInterval.ForInterval(5 * Build.Second, 20 * Build.Second, 10 * Build.Second, false)
            .ShouldBe([new(5 * Build.Second, 10 * Build.Second), new(10 * Build.Second, 20 * Build.Second)]);

    private static long Ns(JsonElement seconds) => (long)(seconds.GetDecimal() * NanosPerSecond);
}
