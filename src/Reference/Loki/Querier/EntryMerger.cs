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
        return [.. Interleave(Eager(inputs, direction), direction)];
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
        var counter = new ReadCounters();
        var entries = ImmutableArray.CreateRange(Merge(Eager(inputs, direction), direction, faults, counter));
        return new MergeResult(entries, counter.Duplicates);
    }

    /// <summary>
    /// The lazy merge the querier reads through: entries come out one at a time, and an input is opened only when
    /// its first entry could be next (see <see cref="LazyInput"/>), so a query that stops at its limit never decodes
    /// what it does not reach. Duplicates dropped are added to <paramref name="counters"/> as they are met.
    /// </summary>
    internal static IEnumerable<StreamEntry> Merge(IReadOnlyList<LazyInput> inputs, Direction direction, QuerierFaults faults, ReadCounters counters)
    {
        var noDedupe = (faults & QuerierFaults.NoDedupe) != 0;
        var acrossStreams = (faults & QuerierFaults.DedupeAcrossStreams) != 0;
        var group = new List<LogEntry>();
        var started = false;
        var groupTs = 0L;
        var groupHash = 0UL;
        foreach (var item in Interleave(inputs, direction, faults))
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
                counters.Duplicates++;
                continue;
            }

            group.Add(item.Entry);
            yield return item;
        }
    }

    /// <summary>
    /// Interleaves the inputs in direction order, dropping nothing, opening each input only when needed: an input
    /// whose <see cref="LazyInput.FirstTs"/> comes after the current head cannot hold the next entry, so it stays
    /// closed until the head reaches it (ties open it, so the order is exactly that of opening everything first).
    /// </summary>
    internal static IEnumerable<StreamEntry> Interleave(IReadOnlyList<LazyInput> inputs, Direction direction) =>
        Interleave(inputs, direction, QuerierFaults.None);

    private static IEnumerable<StreamEntry> Interleave(IReadOnlyList<LazyInput> inputs, Direction direction, QuerierFaults faults)
    {
        var late = (faults & QuerierFaults.OpenDeferredInputsLate) != 0;
        var queue = new PriorityQueue<IEnumerator<StreamEntry>, (StreamEntry Head, int Input)>(Comparer<(StreamEntry Head, int Input)>.Create((x, y) =>
        {
            var order = Compare(x.Head, y.Head, direction);
            return order != 0 ? order : x.Input.CompareTo(y.Input);
        }));

        // Closed inputs, the one to open next last: by first timestamp in direction, then input order.
        var closed = Enumerable.Range(0, inputs.Count)
            .OrderByDescending(i => direction == Direction.Forward ? inputs[i].FirstTs : -(decimal)inputs[i].FirstTs)
            .ThenByDescending(i => i)
            .ToList();
        var opened = new List<IEnumerator<StreamEntry>>();
        try
        {
            while (true)
            {
                // Open every closed input whose first entry could come before (or tie with) the current head.
                while (closed.Count > 0)
                {
                    var next = closed[^1];
                    if (queue.TryPeek(out _, out var head) && (After(inputs[next].FirstTs, head.Head.Entry.TimestampNs, direction) || (late && inputs[next].FirstTs == head.Head.Entry.TimestampNs)))
                    {
                        break;
                    }

                    closed.RemoveAt(closed.Count - 1);
                    var enumerator = inputs[next].Open().GetEnumerator();
                    opened.Add(enumerator);
                    if (enumerator.MoveNext())
                    {
                        queue.Enqueue(enumerator, (enumerator.Current, next));
                    }
                }

                if (!queue.TryDequeue(out var input, out var top))
                {
                    yield break;
                }

                yield return top.Head;
                if (input.MoveNext())
                {
                    queue.Enqueue(input, (input.Current, top.Input));
                }
            }
        }
        finally
        {
            foreach (var enumerator in opened)
            {
                enumerator.Dispose();
            }
        }
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

    /// <summary>Whether <paramref name="firstTs"/> comes strictly after <paramref name="headTs"/> in <paramref name="direction"/>.</summary>
    private static bool After(long firstTs, long headTs, Direction direction) =>
        direction == Direction.Forward ? firstTs > headTs : firstTs < headTs;

    /// <summary>Already-materialised inputs, all open from the start (their bound is the far edge).</summary>
    private static LazyInput[] Eager(IReadOnlyList<IReadOnlyList<StreamEntry>> inputs, Direction direction)
    {
        var edge = direction == Direction.Forward ? long.MinValue : long.MaxValue;
        return [.. inputs.Select(input => new LazyInput(edge, () => input))];
    }
}
