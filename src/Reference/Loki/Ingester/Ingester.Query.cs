using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Ingester;

public sealed partial class Ingester
{
    /// <summary>
    /// The in-memory entries of a tenant's streams whose canonical labels satisfy <paramref name="matches"/>, with
    /// <paramref name="fromNs"/> ≤ ts &lt; <paramref name="throughNs"/> (Loki's chunk iterators: start inclusive, end
    /// exclusive), from head blocks and every chunk still in memory; streams sorted by labels, entries FORWARD.
    /// Streams with no entry in range are left out.
    /// </summary>
    /// <exception cref="Simulation.RemoteCallException">The ingester has crashed.</exception>
    public async Task<IReadOnlyList<IngesterQueryStream>> QueryAsync(string tenant, long fromNs, long throughNs, Func<string, bool> matches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(matches);
        ThrowIfCrashed();
        using var linked = Link(cancellationToken);
        try
        {
            return await UnderMemoryAsync(memory => Select(memory, tenant, fromNs, throughNs, matches), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_crashed)
        {
            throw Interrupted("a query");
        }
    }

    /// <summary>
    /// A querier's request: the streams' entries in range that <see cref="IngesterQuery.Keeps"/> keeps, at least the
    /// first <see cref="IngesterQuery.Limit"/> of them in the query's direction, read lazily so that only the blocks
    /// reaching the limit are decompressed; streams sorted by labels, entries FORWARD. Loki stops at exactly the limit;
    /// Verified also sends the rest of the entries at the last timestamp sent, and counts an entry equal to one already
    /// sent at that timestamp in that stream only once, so the querier's merge, whatever its tie order and dedupe,
    /// always has the entries it needs: the answer is that of sending everything.
    /// </summary>
    /// <exception cref="Simulation.RemoteCallException">The ingester has crashed.</exception>
    public async Task<IReadOnlyList<IngesterQueryStream>> QueryAsync(IngesterQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Tenant);
        ArgumentNullException.ThrowIfNull(query.Matches);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        if (query.Limit == 0 && query.Keeps is null)
        {
            return await QueryAsync(query.Tenant, query.FromNs, query.ThroughNs, query.Matches, cancellationToken).ConfigureAwait(false);
        }

        ThrowIfCrashed();
        using var linked = Link(cancellationToken);
        try
        {
            return await UnderMemoryAsync(memory => SelectLimited(memory, query), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_crashed)
        {
            throw Interrupted("a query");
        }
    }

    private List<IngesterQueryStream> SelectLimited(IngesterMemory memory, IngesterQuery query)
    {
        var cutTies = (_faults & IngesterFaults.QueryLimitCutsTies) != 0;
        var result = new List<IngesterQueryStream>();
        if (!memory.Tenants.TryGetValue(query.Tenant, out var streams))
        {
            return result;
        }

        var backward = query.Direction == Direction.Backward;
        var selected = streams.Streams.Where(s => query.Matches(s.Labels)).OrderBy(s => s.Labels, StringComparer.Ordinal).ToList();
        var inputs = new List<Querier.LazyInput>(selected.Count);
        foreach (var stream in selected)
        {
            var chunks = stream.Chunks.Select(c => c.Chunk).Where(c => !c.IsEmpty).ToList();
            if (chunks.Count == 0)
            {
                continue;
            }

            var first = backward ? Math.Min(chunks.Max(c => c.Bounds.MaxTs), query.ThroughNs - 1) : Math.Max(chunks.Min(c => c.Bounds.MinTs), query.FromNs);
            inputs.Add(new Querier.LazyInput(first, () => StreamEntries(stream, chunks, query, backward)));
        }

        var kept = new Dictionary<string, List<LogEntry>>(StringComparer.Ordinal);
        var counted = 0;
        long? lastTs = null;
        foreach (var item in Querier.EntryMerger.Interleave(inputs, query.Direction))
        {
            if (query.Limit > 0 && counted >= query.Limit && (cutTies || item.Entry.TimestampNs != lastTs))
            {
                break;
            }

            if (query.Keeps is { } keeps && !keeps(item.Labels, item.Entry))
            {
                continue;
            }

            if (!kept.TryGetValue(item.Labels, out var entries))
            {
                entries = [];
                kept.Add(item.Labels, entries);
            }

            // A copy of an entry already sent (same stream, same nanosecond) is sent too, as Loki sends it, but the
            // querier's dedupe will drop it, so it does not count towards the limit.
            if (!IsRepeat(entries, item.Entry))
            {
                counted++;
            }

            entries.Add(item.Entry);
            lastTs = item.Entry.TimestampNs;
        }

        foreach (var stream in selected)
        {
            if (kept.TryGetValue(stream.Labels, out var entries))
            {
                if (backward)
                {
                    entries.Reverse();
                }

                result.Add(new IngesterQueryStream(stream.Labels, stream.Fingerprint, [.. entries]));
            }
        }

        return result;
    }

    private static bool IsRepeat(List<LogEntry> sent, LogEntry entry)
    {
        for (var i = sent.Count - 1; i >= 0 && sent[i].TimestampNs == entry.TimestampNs; i--)
        {
            if (sent[i].Equals(entry))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One stream's entries in range in direction order: its chunks one after another when they do not overlap, else sorted whole.</summary>
    private static IEnumerable<Querier.StreamEntry> StreamEntries(LogStream stream, List<Chunks.MemChunk> chunks, IngesterQuery query, bool backward)
    {
        var ordered = true;
        for (var i = 1; i < chunks.Count; i++)
        {
            ordered &= chunks[i].Bounds.MinTs >= chunks[i - 1].Bounds.MaxTs;
        }

        IEnumerable<LogEntry> entries;
        if (ordered)
        {
            entries = backward
                ? Enumerable.Range(0, chunks.Count).Reverse().SelectMany(i => chunks[i].Iterate(query.FromNs, query.ThroughNs, backward: true))
                : chunks.SelectMany(c => c.Iterate(query.FromNs, query.ThroughNs, backward: false));
        }
        else
        {
            var all = chunks.SelectMany(c => c.Entries(query.FromNs, query.ThroughNs)).OrderBy(e => e.TimestampNs).ToList();
            entries = backward ? Enumerable.Reverse(all) : all;
        }

        return entries.Select(e => new Querier.StreamEntry(stream.Labels, stream.Fingerprint, e));
    }

    private static List<IngesterQueryStream> Select(IngesterMemory memory, string tenant, long fromNs, long throughNs, Func<string, bool> matches)
    {
        var result = new List<IngesterQueryStream>();
        if (!memory.Tenants.TryGetValue(tenant, out var streams))
        {
            return result;
        }

        foreach (var stream in streams.Streams.Where(s => matches(s.Labels)).OrderBy(s => s.Labels, StringComparer.Ordinal))
        {
            var entries = new List<LogEntry>();
            var ordered = true;
            var lastMax = long.MinValue;
            foreach (var chunk in stream.Chunks)
            {
                var part = chunk.Chunk.Entries(fromNs, throughNs);
                if (part.Count == 0)
                {
                    continue;
                }

                ordered &= part[0].TimestampNs >= lastMax;
                lastMax = part[^1].TimestampNs;
                entries.AddRange(part);
            }

            if (entries.Count > 0)
            {
                // Overlapping chunks (out-of-order writes across a cut) are merged by timestamp; the sort is stable.
                result.Add(new IngesterQueryStream(stream.Labels, stream.Fingerprint, ordered ? [.. entries] : [.. entries.OrderBy(e => e.TimestampNs)]));
            }
        }

        return result;
    }
}
