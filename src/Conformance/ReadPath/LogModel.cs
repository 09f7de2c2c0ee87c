using Verified.Reference.Loki;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.ReadPath;

/// <summary>One stored entry of the model: its stream's label string and the entry; the list position breaks ties.</summary>
internal sealed record StoredEntry(string Labels, LogEntry Entry);

/// <summary>
/// An obviously-correct model of a querier over a list of stored entries: keep those in range, drop exact duplicates
/// (the querier's merge does), order them by timestamp in the direction, then label string, then list position, take
/// <c>limit</c>, and group by label string in ascending order.
/// </summary>
internal static class LogModel
{
    public static QueryResult Query(IReadOnlyList<StoredEntry> store, TimeRange range, Direction direction, int limit)
    {
        var inRange = store.Select((s, i) => (s, i)).Where(x => range.Contains(x.s.Entry.TimestampNs)).DistinctBy(x => x.s).ToList();
        var ordered = (direction == Direction.Backward
                ? inRange.OrderByDescending(x => x.s.Entry.TimestampNs)
                : inRange.OrderBy(x => x.s.Entry.TimestampNs))
            .ThenBy(x => x.s.Labels, StringComparer.Ordinal)
            .ThenBy(x => x.i)
            .Take(limit)
            .ToList();
        return new QueryResult([.. ordered
            .GroupBy(x => x.s.Labels)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ResultStream(g.Key, [.. g.Select(x => x.s.Entry)]))]);
    }

    /// <summary>A querier executor over <paramref name="store"/>; <paramref name="widenNs"/> widens each piece's range (clamped to <paramref name="bounds"/>).</summary>
    public static Func<SplitRequest, CancellationToken, Task<QueryResult>> Executor(IReadOnlyList<StoredEntry> store, long widenNs = 0, TimeRange? bounds = null) =>
        (request, _) =>
        {
            var range = request.Range;
            if (widenNs > 0 && bounds is { } b)
            {
                range = new TimeRange(Math.Max(b.StartNs, range.StartNs - widenNs), Math.Min(b.EndNs, range.EndNs + widenNs));
            }

            return Task.FromResult(Query(store, range, request.Direction, request.Limit));
        };
}
