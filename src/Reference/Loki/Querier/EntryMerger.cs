using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Querier;

/// <summary>
/// Loki's entry iterators over already-ordered inputs (loki pkg/iter/entry_iterator.go): <see cref="Sort(IReadOnlyList{IReadOnlyList{StreamEntry}}, Direction)"/> is
/// <c>NewSortEntryIterator</c> (order only), <see cref="Merge(IReadOnlyList{IReadOnlyList{StreamEntry}}, Direction)"/>
/// is <c>NewMergeEntryIterator</c> (order and dedupe). LOKI.md §6 Merge.
/// </summary>
/// <remarks>
/// <para>Order: timestamp ascending (FORWARD) or descending (BACKWARD); on a tie, stream hash ascending when both
/// hashes are non-zero and differ, else label string ascending (Go byte order) — the tie-break is the same in both
/// directions. Loki's loser tree leaves the order of still-equal heads unspecified; here the input listed first
/// wins, so each input's own order of same-timestamp entries is kept and the result is deterministic.</para>
/// <para>Dedupe: consecutive merged entries with the same (stream hash, timestamp) form a group; an entry
/// <see cref="LogEntry.Equals(LogEntry?)"/> (timestamp, line, structured metadata) to one already kept in its group is
/// dropped and counted. Entries that differ in anything — structured metadata included — are all kept. Loki's
/// version at the pinned commit compares with <c>Entry.Equal</c>; older versions compared the line only.</para>
/// <para>The merge never reorders or dedupes within what one input yields beyond this rule: an input that is not
/// sorted is merged by its heads, exactly as the loser tree would.</para>
/// </remarks>
public static class EntryMerger
{
    /// <summary>Interleaves the inputs in direction order, dropping nothing (<c>NewSortEntryIterator</c>).</summary>
    public static ImmutableArray<StreamEntry> Sort(IReadOnlyList<IReadOnlyList<StreamEntry>> inputs, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return [.. Interleave(inputs, direction)];
    }

    /// <summary>The streams of one source interleaved in direction order (an ingester's response iterator).</summary>
    public static ImmutableArray<StreamEntry> Sort(IEnumerable<SourceStream> streams, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(streams);
        return Sort([.. streams.Select(s => (IReadOnlyList<StreamEntry>)[.. s.Tagged()])], direction);
    }

    /// <summary>Interleaves the inputs in direction order and drops duplicates (<c>NewMergeEntryIterator</c>).</summary>
    public static MergeResult Merge(IReadOnlyList<IReadOnlyList<StreamEntry>> inputs, Direction direction) =>
        Merge(inputs, direction, QuerierFaults.None);

    /// <summary>The merge with seeded bugs: <see cref="QuerierFaults.NoDedupe"/>, <see cref="QuerierFaults.DedupeAcrossStreams"/>.</summary>
    internal static MergeResult Merge(IReadOnlyList<IReadOnlyList<StreamEntry>> inputs, Direction direction, QuerierFaults faults)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var noDedupe = (faults & QuerierFaults.NoDedupe) != 0;
        var acrossStreams = (faults & QuerierFaults.DedupeAcrossStreams) != 0;
        var output = ImmutableArray.CreateBuilder<StreamEntry>();
        var group = new List<LogEntry>();
        var started = false;
        var groupTs = 0L;
        var groupHash = 0UL;
        var duplicates = 0;
        foreach (var item in Interleave(inputs, direction))
        {
            var sameGroup = started && item.Entry.TimestampNs == groupTs && (acrossStreams || item.StreamHash == groupHash);
            if (!sameGroup)
            {
                group.Clear();
                started = true;
                groupTs = item.Entry.TimestampNs;
                groupHash = item.StreamHash;
            }

            if (!noDedupe && group.Exists(kept => kept.Equals(item.Entry)))
            {
                duplicates++;
                continue;
            }

            group.Add(item.Entry);
            output.Add(item);
        }

        return new MergeResult(output.ToImmutable(), duplicates);
    }

    /// <summary>
    /// Loki's order of two heads (<c>lessAscending</c>/<c>lessDescending</c>): negative when <paramref name="a"/>
    /// comes first. Zero for a full tie (then the earlier input wins).
    /// </summary>
    public static int Compare(StreamEntry a, StreamEntry b, Direction direction)
    {
        if (a.Entry.TimestampNs != b.Entry.TimestampNs)
        {
            var ascending = a.Entry.TimestampNs.CompareTo(b.Entry.TimestampNs);
            return direction == Direction.Forward ? ascending : -ascending;
        }

        if (a.StreamHash != 0 && b.StreamHash != 0 && a.StreamHash != b.StreamHash)
        {
            return a.StreamHash.CompareTo(b.StreamHash);
        }

        return Utf8Order.Instance.Compare(a.Labels, b.Labels);
    }

    private static IEnumerable<StreamEntry> Interleave(IReadOnlyList<IReadOnlyList<StreamEntry>> inputs, Direction direction)
    {
        var queue = new PriorityQueue<int, (StreamEntry Head, int Input)>(Comparer<(StreamEntry Head, int Input)>.Create((x, y) =>
        {
            var order = Compare(x.Head, y.Head, direction);
            return order != 0 ? order : x.Input.CompareTo(y.Input);
        }));
        var positions = new int[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Count > 0)
            {
                queue.Enqueue(i, (inputs[i][0], i));
            }
        }

        while (queue.TryDequeue(out var input, out _))
        {
            yield return inputs[input][positions[input]];
            if (++positions[input] < inputs[input].Count)
            {
                queue.Enqueue(input, (inputs[input][positions[input]], input));
            }
        }
    }
}
