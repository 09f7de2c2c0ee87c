using Shouldly;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki.Frontend;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Query.Tests.Frontend;

/// <summary>
/// loki/split_interval_vectors.json (upstream TestForInterval, 10 s interval unless the case says otherwise), case by case
/// through the runner <c>verified check</c> uses (<see cref="ReadPathVectors.SplitIntervalMismatch"/>).
/// </summary>
public sealed class SplitVectorTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in SharedVectors.Load(ReadPathVectors.SplitIntervalFile).GetProperty("cases").EnumerateArray())
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
        var c = SharedVectors.Load(ReadPathVectors.SplitIntervalFile).GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        ReadPathVectors.SplitIntervalMismatch(c).ShouldBeNull();
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
}
