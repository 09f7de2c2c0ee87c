using System.Collections.Immutable;
using Verified.Reference.Loki.Chunks;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Verified.Reference.Storage;

namespace Verified.Reference.Loki.Cluster;

/// <summary>A read of everything: every running ingester's memory plus every flushed chunk (found through a freshly loaded index).</summary>
public sealed partial class LokiCluster
{
    /// <summary>
    /// Every entry the cluster can serve, per tenant and canonical stream, deduplicated as Loki's read path merges
    /// replicas (identical entries of one stream are one). The store side loads the index afresh from the store, as a
    /// new process would. This is the write path's own read; the query path (frontend, queriers) comes later.
    /// </summary>
    public async Task<ImmutableArray<(string Tenant, string Labels, LogEntry Entry)>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var found = new HashSet<(string, string, LogEntry)>();
        foreach (var tenant in _tenants.Order(StringComparer.Ordinal))
        {
            foreach (var member in _members.Values.Where(m => m.Process is not null))
            {
                var streams = await member.Process!.QueryAsync(tenant, long.MinValue, long.MaxValue, static _ => true, cancellationToken).ConfigureAwait(false);
                foreach (var stream in streams)
                {
                    foreach (var entry in stream.Entries)
                    {
                        found.Add((tenant, stream.Labels, entry));
                    }
                }
            }

            var index = await ChunkIndex.OpenAsync(Store, cancellationToken).ConfigureAwait(false);
            foreach (var reference in await index.QueryAsync(tenant, long.MinValue, long.MaxValue, null, cancellationToken).ConfigureAwait(false))
            {
                var bytes = await Store.GetAsync(reference.ChunkKey, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException($"the index points at {reference.ChunkKey}, which the store does not have");
                var chunk = StoredChunk.Decode(ChunkKey.Parse(tenant, reference.ChunkKey), bytes, Options.IngesterConfig.BlockSize, Options.IngesterConfig.TargetChunkSize);
                var labels = CanonicalLabels.Format(chunk.Labels, Options.Spec.CanonicalLabels);
                foreach (var entry in chunk.Entries)
                {
                    found.Add((tenant, labels, entry));
                }
            }
        }

        return [.. found];
    }
}
