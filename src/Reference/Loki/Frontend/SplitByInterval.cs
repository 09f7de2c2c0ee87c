using System.Collections.Immutable;

namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// The frontend's time split (loki pkg/util/time.go <c>ForInterval</c>, used by pkg/querier/queryrange
/// split_by_interval.go): pieces of length I aligned to the Unix epoch from <c>s − (s mod I)</c>; the first piece
/// keeps the request's start and the last keeps its end. For end-inclusive requests (series, labels) every piece but
/// the last stops 1 ms before the next one starts. An interval ≤ 0 means no split.
/// </summary>
public static class SplitByInterval
{
    /// <summary>The gap Loki leaves between end-inclusive pieces: one millisecond.</summary>
    public const long InclusiveGapNs = 1_000_000;

    /// <summary>
    /// Splits [<paramref name="startNs"/>, <paramref name="endNs"/>) — or [start, end] when
    /// <paramref name="endInclusive"/> — into pieces of <paramref name="intervalNs"/>. Each piece's end has the
    /// request's meaning: exclusive for log and metric range queries, inclusive otherwise. An empty or inverted range
    /// gives what Loki gives: no piece when the aligned start is not before the end.
    /// </summary>
    public static ImmutableArray<TimeRange> ForInterval(long startNs, long endNs, long intervalNs, bool endInclusive) =>
        ForInterval(startNs, endNs, intervalNs, endInclusive, FrontendFaults.None);

    /// <summary><see cref="ForInterval(long, long, long, bool)"/> over a <see cref="TimeSpan"/> interval.</summary>
    public static ImmutableArray<TimeRange> ForInterval(long startNs, long endNs, TimeSpan interval, bool endInclusive) =>
        ForInterval(startNs, endNs, interval.Ticks * 100, endInclusive, FrontendFaults.None);

    internal static ImmutableArray<TimeRange> ForInterval(long startNs, long endNs, long intervalNs, bool endInclusive, FrontendFaults faults)
    {
        if (intervalNs <= 0)
        {
            return [new TimeRange(startNs, endNs)];
        }

        // Go's % truncates toward zero like C#'s, so a negative start aligns the same way Loki's does.
        var pieces = ImmutableArray.CreateBuilder<TimeRange>();
        for (var alignedStart = startNs - (startNs % intervalNs); alignedStart < endNs; alignedStart += intervalNs)
        {
            var pieceEnd = alignedStart + intervalNs;
            var last = pieceEnd >= endNs;
            if (last)
            {
                pieceEnd = endNs;
            }
            else if (endInclusive)
            {
                pieceEnd -= InclusiveGapNs;
            }
            else if ((faults & FrontendFaults.SplitBoundsInclusive) != 0)
            {
                pieceEnd += 1;
            }

            pieces.Add(new TimeRange(pieces.Count == 0 ? startNs : alignedStart, pieceEnd));
        }

        return pieces.ToImmutable();
    }
}
