using System.Collections.Immutable;
using Verified.Reference.Loki.LogQL.Eval;

namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// The frontend's time split of a metric range query (loki pkg/querier/queryrange/splitters.go
/// <c>metricQuerySplitter</c>). Each piece is a range query of its own whose steps are evaluated end-inclusive, so the
/// pieces must not share a step and must not skip one:
/// <list type="number">
/// <item>the split interval grows to the query's largest range when that is longer (<c>reduceSplitIntervalForRangeVector</c>);</item>
/// <item>start is aligned down and end up to a multiple of the step, from the Unix epoch (<c>alignStartEnd</c>);</item>
/// <item>a step of at least the interval splits by the step with <c>ForInterval</c>: neighbouring pieces then share their
/// boundary step, which the merge drops again (<see cref="MetricMerge"/>; upstream marks this case "likely buggy");</item>
/// <item>otherwise a piece runs from its start to the last step before the next interval boundary
/// (<c>nextIntervalBoundary</c>: a multiple of steps from the piece's start, strictly before the boundary), the next
/// piece starts one step later, and a piece whose end plus one step reaches the query's end takes the end
/// (<c>buildMetricSplits</c>).</item>
/// </list>
/// <c>split_ingester_queries_by_interval</c> (default 0, off) is not modelled.
/// </summary>
public static class MetricSplitter
{
    /// <summary>Start aligned down and end aligned up to a multiple of <paramref name="stepNs"/> (Go's truncating %, as C#'s).</summary>
    public static (long StartNs, long EndNs) AlignToStep(long startNs, long endNs, long stepNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepNs);
        var mod = endNs % stepNs;
        return (startNs - (startNs % stepNs), mod == 0 ? endNs : endNs + (stepNs - mod));
    }

    /// <summary>
    /// The pieces of a range query over steps [<paramref name="startNs"/>, <paramref name="endNs"/>] (already aligned),
    /// each a <see cref="MetricQuery"/> with both ends inclusive; <paramref name="intervalNs"/> is the split interval
    /// after <see cref="EffectiveIntervalNs"/>. Empty when the aligned range is empty (Loki then runs the request unsplit).
    /// </summary>
    public static ImmutableArray<MetricQuery> Split(long startNs, long endNs, long stepNs, long intervalNs) =>
        Split(startNs, endNs, stepNs, intervalNs, FrontendFaults.None);

    /// <summary>The split interval for a query whose largest range vector is <paramref name="maxRangeNs"/>: the longer of the two.</summary>
    public static long EffectiveIntervalNs(long intervalNs, long maxRangeNs) => Math.Max(intervalNs, maxRangeNs);

    internal static ImmutableArray<MetricQuery> Split(long startNs, long endNs, long stepNs, long intervalNs, FrontendFaults faults)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepNs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalNs);

        // Loki compares the step in milliseconds with the interval in milliseconds.
        if (stepNs / 1_000_000 >= intervalNs / 1_000_000)
        {
            return [.. SplitByInterval.ForInterval(startNs, endNs, stepNs, endInclusive: false).Select(r => MetricQuery.Range(r.StartNs, r.EndNs, stepNs))];
        }

        var pieces = ImmutableArray.CreateBuilder<MetricQuery>();
        for (var pieceStart = startNs; pieceStart < endNs; pieceStart = NextIntervalBoundary(pieceStart, stepNs, intervalNs) + stepNs)
        {
            var pieceEnd = NextIntervalBoundary(pieceStart, stepNs, intervalNs);
            if (pieceEnd + stepNs >= endNs)
            {
                pieceEnd = endNs;
            }
            else if ((faults & FrontendFaults.MetricSplitsSkipBoundaryStep) != 0 && pieceEnd - stepNs >= pieceStart)
            {
                pieceEnd -= stepNs;
            }

            pieces.Add(MetricQuery.Range(pieceStart, pieceEnd, stepNs));
        }

        return pieces.ToImmutable();
    }

    /// <summary>The last step from <paramref name="tNs"/> that lies strictly before the next multiple of the interval.</summary>
    internal static long NextIntervalBoundary(long tNs, long stepNs, long intervalNs)
    {
        var nextBoundary = ((tNs / intervalNs) + 1) * intervalNs;
        var target = nextBoundary - ((nextBoundary - tNs) % stepNs);
        return target == nextBoundary ? target - stepNs : target;
    }
}
