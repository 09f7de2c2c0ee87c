using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// Merges the answers of a split log query (loki pkg/querier/queryrange codec.go
/// <c>mergeOrderedNonOverlappingStreams</c> and ordering.go). Responses must be given in execution order (newest split
/// first for BACKWARD). Both merges:
/// <list type="number">
/// <item>group entries by the exact label string, taking whole responses until the running entry count reaches
/// <c>limit</c> (later responses are ignored);</item>
/// <item>order the streams by label string (UTF-8 byte order, Go's <c>sort.Strings</c>);</item>
/// <item>if more than <c>limit</c> entries remain, repeatedly take the head entry that is globally oldest (FORWARD)
/// or newest (BACKWARD) until <c>limit</c> are taken.</item>
/// </list>
/// <see cref="LokiCompatible"/> keeps Loki's flaw: per stream it concatenates the responses' entry lists ordered by
/// their first timestamp and keeps every duplicate (LOKI.md §8 G10). <see cref="Deduplicating"/> (Verified's default)
/// instead sorts each stream's entries by timestamp (stably, so equal timestamps keep arrival order) and drops exact
/// duplicates — same label string, timestamp, line and structured metadata (Loki's <c>Entry.Equal</c>) — wherever
/// they came from, so that a split query answers what the unsplit query answers even when pieces overlap.
/// </summary>
/// <remarks>
/// Choices where Loki leaves the result unspecified: equal first timestamps keep response order; when two streams'
/// heads have the same timestamp the lower label string is taken first (Go's heap order is arbitrary). Streams are
/// listed in ascending label order for both directions, as the pinned codec test expects; later Loki versions list
/// BACKWARD results in descending label order (a presentation difference only).
/// </remarks>
public static class FrontendMerge
{
    /// <summary>Loki's merge, duplicates and all.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    public static QueryResult LokiCompatible(IReadOnlyList<QueryResult> responses, int limit, Direction direction) =>
        Merge(responses, limit, direction, deduplicate: false, FrontendFaults.None);

    /// <summary>Loki's merge with exact duplicates removed per stream.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    public static QueryResult Deduplicating(IReadOnlyList<QueryResult> responses, int limit, Direction direction) =>
        Merge(responses, limit, direction, deduplicate: true, FrontendFaults.None);

    internal static QueryResult Merge(IReadOnlyList<QueryResult> responses, int limit, Direction direction, bool deduplicate, FrontendFaults faults)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        var groups = Group(responses, limit);
        var keys = groups.Keys.OrderBy(k => k, Utf8Order.Instance).ToList();
        var streams = keys
            .Select(k => new ResultStream(k, deduplicate ? SortAndDedupe(groups[k], direction, faults) : Concatenate(groups[k], direction)))
            .ToList();

        var total = streams.Sum(s => s.Entries.Length);
        if (total <= limit)
        {
            return new QueryResult([.. streams]);
        }

        return new QueryResult(TakeGlobally(streams, limit, direction));
    }

    /// <summary>Per label string, the entry lists of the responses taken (whole responses until the count reaches the limit).</summary>
    private static Dictionary<string, List<ImmutableArray<LogEntry>>> Group(IReadOnlyList<QueryResult> responses, int limit)
    {
        var groups = new Dictionary<string, List<ImmutableArray<LogEntry>>>(StringComparer.Ordinal);
        var total = 0;
        foreach (var response in responses)
        {
            foreach (var stream in response.Streams)
            {
                if (!groups.TryGetValue(stream.Labels, out var markers))
                {
                    markers = [];
                    groups.Add(stream.Labels, markers);
                }

                markers.Add(stream.Entries);
                total += stream.Entries.Length;
            }

            if (total >= limit)
            {
                break;
            }
        }

        return groups;
    }

    /// <summary>Loki's byDir.merge: entry lists ordered by their first timestamp (an empty one counts as 0), then concatenated.</summary>
    private static ImmutableArray<LogEntry> Concatenate(List<ImmutableArray<LogEntry>> markers, Direction direction)
    {
        static long First(ImmutableArray<LogEntry> m) => m.IsEmpty ? 0 : m[0].TimestampNs;
        var ordered = direction == Direction.Backward ? markers.OrderByDescending(First) : markers.OrderBy(First);
        return [.. ordered.SelectMany(m => m)];
    }

    private static ImmutableArray<LogEntry> SortAndDedupe(List<ImmutableArray<LogEntry>> markers, Direction direction, FrontendFaults faults)
    {
        var all = markers.SelectMany(m => m);
        var sorted = direction == Direction.Backward ? all.OrderByDescending(e => e.TimestampNs) : all.OrderBy(e => e.TimestampNs);
        IEqualityComparer<LogEntry> comparer = (faults & FrontendFaults.DedupeIgnoresStructuredMetadata) != 0 ? LineOnlyComparer.Instance : EqualityComparer<LogEntry>.Default;
        var kept = ImmutableArray.CreateBuilder<LogEntry>();
        var seenAtTimestamp = new HashSet<LogEntry>(comparer);
        long? currentTs = null;
        foreach (var entry in sorted)
        {
            if (entry.TimestampNs != currentTs)
            {
                seenAtTimestamp.Clear();
                currentTs = entry.TimestampNs;
            }

            if (seenAtTimestamp.Add(entry))
            {
                kept.Add(entry);
            }
        }

        return kept.ToImmutable();
    }

    /// <summary>Loki's priority queue: repeatedly takes the head entry that comes first in the direction, until <paramref name="limit"/>.</summary>
    private static ImmutableArray<ResultStream> TakeGlobally(List<ResultStream> streams, int limit, Direction direction)
    {
        var queue = new PriorityQueue<int, (long Ts, int Stream)>(new HeadOrder(direction));
        var next = new int[streams.Count];
        var taken = new ImmutableArray<LogEntry>.Builder[streams.Count];
        for (var i = 0; i < streams.Count; i++)
        {
            taken[i] = ImmutableArray.CreateBuilder<LogEntry>();
            if (!streams[i].Entries.IsEmpty)
            {
                queue.Enqueue(i, (streams[i].Entries[0].TimestampNs, i));
            }
        }

        for (var n = 0; n < limit && queue.TryDequeue(out var i, out _); n++)
        {
            var entries = streams[i].Entries;
            taken[i].Add(entries[next[i]]);
            if (++next[i] < entries.Length)
            {
                queue.Enqueue(i, (entries[next[i]].TimestampNs, i));
            }
        }

        return [.. Enumerable.Range(0, streams.Count).Where(i => taken[i].Count > 0).Select(i => new ResultStream(streams[i].Labels, taken[i].ToImmutable()))];
    }

    /// <summary>Oldest (FORWARD) or newest (BACKWARD) head first; ties to the lower label string (stream index).</summary>
    private sealed class HeadOrder(Direction direction) : IComparer<(long Ts, int Stream)>
    {
        public int Compare((long Ts, int Stream) x, (long Ts, int Stream) y)
        {
            var byTime = direction == Direction.Backward ? y.Ts.CompareTo(x.Ts) : x.Ts.CompareTo(y.Ts);
            return byTime != 0 ? byTime : x.Stream.CompareTo(y.Stream);
        }
    }

    /// <summary>The seeded bug's equality: timestamp and line only.</summary>
    private sealed class LineOnlyComparer : IEqualityComparer<LogEntry>
    {
        public static readonly LineOnlyComparer Instance = new();

        public bool Equals(LogEntry? x, LogEntry? y) => x is not null && y is not null && x.TimestampNs == y.TimestampNs && x.Line == y.Line;

        public int GetHashCode(LogEntry obj) => HashCode.Combine(obj.TimestampNs, obj.Line);
    }
}
