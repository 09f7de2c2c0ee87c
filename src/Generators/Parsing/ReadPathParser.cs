using Verified.Generators.Diagnostics;
using Verified.Generators.Model;
using Verified.Generators.Yaml;

namespace Verified.Generators.Parsing;

/// <summary>
/// Parses the optional <c>read:</c> section of a token-ring spec: Loki's read-path settings (LOKI.md §6) and the two
/// named choices where Verified and Loki differ — <c>window_gap</c> (LOKI.md §8 G1, loki#8621) and
/// <c>split_merge</c> (the frontend's non-deduplicating merge of split responses).
/// </summary>
internal static class ReadPathParser
{
    public const string Path = "read";

    public static readonly string[] Keys =
    {
        "query_ingesters_within", "query_store_max_look_back_period", "split_queries_by_interval", "max_entries_limit_per_query",
        "max_query_length", "max_outstanding_per_tenant", "querier_max_concurrent", "window_gap", "split_merge",
    };

    public static readonly string[] WindowGapModes = { "closed", "loki-compatible" };

    public static readonly string[] SplitMergeModes = { "deduplicating", "loki-compatible" };

    /// <summary>The model, or null when a value is invalid (every problem reported).</summary>
    public static ReadPathModel? Parse(NodeReader r, SpecNode node)
    {
        r.CheckKeys(node, Path, Keys);
        var queryIngestersWithin = r.Duration(node, "query_ingesters_within", Path);
        var lookBack = r.Duration(node, "query_store_max_look_back_period", Path);
        var split = r.Duration(node, "split_queries_by_interval", Path);
        var maxEntries = r.Int(node, "max_entries_limit_per_query", Path, 1, int.MaxValue);
        var maxLength = r.Duration(node, "max_query_length", Path);
        var maxOutstanding = r.Int(node, "max_outstanding_per_tenant", Path, 1, int.MaxValue);
        var maxConcurrent = r.Int(node, "querier_max_concurrent", Path, 1, int.MaxValue);
        var windowGap = r.OneOf(node, "window_gap", Path, string.Empty, WindowGapModes);
        var splitMerge = r.OneOf(node, "split_merge", Path, string.Empty, SplitMergeModes);

        if (windowGap == "closed" && lookBack is not null && lookBack.Value.Ticks != 0)
        {
            // Loki pairs a non-zero look-back with ingesters that query the store themselves for [now-L, now]
            // (loki#2073, filesystem store only; "must always be left as 0" with a shared object store), so the
            // querier asks the store only up to now-L (loki pkg/querier/intervals.go). Verified's ingesters answer
            // from memory alone: an entry flushed and dropped from memory with a timestamp after now-L would be
            // in neither answer — a window gap of its own. Closing the gap therefore needs L = 0.
            r.Report(
                DiagnosticIds.ReadPathConflict,
                lookBack.Location,
                "query_store_max_look_back_period",
                lookBack.Value.Text,
                "window_gap: closed",
                "the querier asks the store only up to now - query_store_max_look_back_period, and Verified's ingesters do not query the store for the rest, so an entry flushed and dropped from ingester memory in that window would be invisible; use 0, or window_gap: loki-compatible");
        }

        if (queryIngestersWithin is null || lookBack is null || split is null || maxLength is null)
        {
            return null;
        }

        return new ReadPathModel(
            queryIngestersWithin.Value, lookBack.Value, split.Value, maxEntries, maxLength.Value, maxOutstanding, maxConcurrent, windowGap, splitMerge);
    }
}
