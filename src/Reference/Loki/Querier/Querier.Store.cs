using Verified.Reference.Loki.Chunks;
using Verified.Reference.Storage;

namespace Verified.Reference.Loki.Querier;

/// <summary>The store side: indexed chunks of the tenant's matching streams, decoded and merged per stream.</summary>
public sealed partial class Querier
{
    private const long NanosPerMilli = 1_000_000L;

    /// <summary>
    /// The store's iterator for <paramref name="interval"/>: the tenant's chunks overlapping it (index bounds are
    /// inclusive milliseconds, so the lookup is widened and entries are then cut to <c>[start, end)</c> exactly), each
    /// stream's chunks merged with dedupe (overlapping replica chunks, LOKI.md §5), the streams interleaved.
    /// </summary>
    private async Task<(IReadOnlyList<StreamEntry> Entries, int Duplicates, int Chunks)> QueryStoreAsync(LogQueryRequest request, TimeInterval interval, CancellationToken cancellationToken)
    {
        var fromMs = Math.DivRem(interval.StartNs, NanosPerMilli, out var startRemainder) - (startRemainder < 0 ? 1 : 0);
        var throughMs = Math.DivRem(interval.EndNs, NanosPerMilli, out var endRemainder) - (endRemainder < 0 ? 1 : 0);
        var references = await _deps.Index.QueryAsync(request.Tenant, fromMs, throughMs, request.Matches, cancellationToken).ConfigureAwait(false);
        var byStream = new SortedDictionary<string, List<IReadOnlyList<StreamEntry>>>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            var chunk = await LoadAsync(request.Tenant, reference, cancellationToken).ConfigureAwait(false);
            var labels = Labels.CanonicalLabels.Format(chunk.Labels, _labelOptions);
            var source = new SourceStream(labels, StreamHash(labels, hashes), InDirection(chunk.Entries, interval, request.Direction));
            if (!byStream.TryGetValue(labels, out var chunks))
            {
                chunks = [];
                byStream.Add(labels, chunks);
            }

            chunks.Add([.. source.Tagged()]);
        }

        var duplicates = 0;
        var streams = new List<IReadOnlyList<StreamEntry>>();
        foreach (var chunks in byStream.Values)
        {
            var merged = EntryMerger.Merge(chunks, request.Direction, _faults);
            duplicates += merged.Duplicates;
            streams.Add(merged.Entries);
        }

        return (EntryMerger.Sort(streams, request.Direction), duplicates, references.Count);
    }

    private async Task<DecodedChunk> LoadAsync(string tenant, ChunkIndexEntry reference, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            bytes = await _deps.Store.GetAsync(reference.ChunkKey, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectStoreException e)
        {
            throw new QuerierException(500, $"failed to load chunk '{reference.ChunkKey}': {e.Message}", e);
        }

        if (bytes is null)
        {
            throw new QuerierException(500, $"failed to load chunk '{reference.ChunkKey}': the index points at it but the store does not have it");
        }

        try
        {
            return StoredChunk.Decode(ChunkKey.Parse(tenant, reference.ChunkKey), bytes, Config.ChunkBlockSize, Config.ChunkTargetSize);
        }
        catch (FormatException e)
        {
            throw new QuerierException(500, $"failed to decode chunk '{reference.ChunkKey}': {e.Message}", e);
        }
    }
}
