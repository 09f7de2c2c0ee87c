namespace Verified.Reference.Loki.Querier;

/// <summary>How the querier treats Loki's ingester/store window gap (LOKI.md §8 G1, loki #8621).</summary>
public enum WindowGap
{
    /// <summary>
    /// Verified's default: the ingesters are asked for the whole query range, whatever its age; the store keeps
    /// Loki's interval. An ingester holds only what it has not flushed (plus the retain period), so asking it for
    /// everything costs one scan of its memory and cannot miss an entry — unlike extending the ingester interval
    /// back by a fixed amount, which still leaves a hole for an ingester holding older data (a stream created with
    /// an old timestamp, or flushes failing for hours). Duplicates with the store are removed by the merge.
    /// </summary>
    Closed,

    /// <summary>
    /// Loki's routing exactly (<see cref="QueryIntervals.Build"/>): an unflushed entry older than
    /// query_ingesters_within is invisible to a query ending before now − query_ingesters_within.
    /// </summary>
    LokiCompatible,
}
