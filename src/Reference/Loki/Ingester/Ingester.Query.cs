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
