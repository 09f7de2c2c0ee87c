using Verified.Reference.Loki.Chunks;
using Verified.Reference.Storage;

namespace Verified.Reference.Loki.Querier;

/// <summary>The store side: indexed chunks of the tenant's matching streams, merged per stream, read lazily.</summary>
public sealed partial class Querier
{
    private const long NanosPerMilli = 1_000_000L;

    /// <summary>
    /// The store's iterator for <paramref name="interval"/>: the tenant's chunks overlapping it (index bounds are
    /// inclusive milliseconds, so the lookup is widened and entries are then cut to <c>[start, end)</c> exactly), each
    /// stream's chunks merged with dedupe (overlapping replica chunks, LOKI.md §5), the streams interleaved.
    /// </summary>
    /// <remarks>
    /// Every chunk is fetched and checked here (checksums, meta, block checksums: a bad chunk fails the query before
    /// any entry is returned), but its blocks stay compressed until the merge reaches them, and a chunk or stream
    /// whose first entry cannot be next is not touched at all — Loki's batch iterator does the same by time
    /// (pkg/storage/batch.go). A query that stops at its limit decodes only the blocks up to where it stopped.
    /// </remarks>
    private async Task<(IEnumerable<StreamEntry> Entries, int Chunks)> QueryStoreAsync(LogQueryRequest request, TimeInterval interval, ReadCounters counters, CancellationToken cancellationToken)
    {
        var fromMs = Math.DivRem(interval.StartNs, NanosPerMilli, out var startRemainder) - (startRemainder < 0 ? 1 : 0);
        var throughMs = Math.DivRem(interval.EndNs, NanosPerMilli, out var endRemainder) - (endRemainder < 0 ? 1 : 0);
        var references = await _deps.Index.QueryAsync(request.Tenant, fromMs, throughMs, request.Matches, cancellationToken).ConfigureAwait(false);
        var byStream = new SortedDictionary<string, List<LazyInput>>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var backward = request.Direction == Direction.Backward;
        foreach (var reference in references)
        {
            var (chunkLabels, chunk) = await LoadAsync(request.Tenant, reference, cancellationToken).ConfigureAwait(false);
            if (chunk.IsEmpty)
            {
                continue;
            }

            var labels = Labels.CanonicalLabels.Format(chunkLabels, _labelOptions);
            var hash = StreamHash(labels, hashes);
            var (minTs, maxTs) = chunk.Bounds;
            var key = reference.ChunkKey;
            if (!byStream.TryGetValue(labels, out var chunks))
            {
                chunks = [];
                byStream.Add(labels, chunks);
            }

            chunks.Add(new LazyInput(
                backward ? Math.Min(maxTs, interval.EndNs - 1) : Math.Max(minTs, interval.StartNs),
                () => Read(key, labels, hash, chunk, interval, backward, counters)));
        }

        var streams = byStream.Values.Select(chunks => new LazyInput(
            backward ? chunks.Max(c => c.FirstTs) : chunks.Min(c => c.FirstTs),
            () => EntryMerger.Merge(chunks, request.Direction, _faults, counters)));
        return (EntryMerger.Interleave([.. streams], request.Direction), references.Count);
    }

    private static IEnumerable<StreamEntry> Read(string key, string labels, ulong hash, MemChunk chunk, TimeInterval interval, bool backward, ReadCounters counters)
    {
        using var entries = chunk.Iterate(interval.StartNs, interval.EndNs, backward, () => counters.BlocksDecoded++).GetEnumerator();
        while (true)
        {
            try
            {
                if (!entries.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception e) when (e is FormatException or InvalidDataException)
            {
                throw new QuerierException(500, $"failed to decode chunk '{key}': {e.Message}", e);
            }

            yield return new StreamEntry(labels, hash, entries.Current);
        }
    }

    private async Task<(Labels.LabelSet Labels, MemChunk Chunk)> LoadAsync(string tenant, ChunkIndexEntry reference, CancellationToken cancellationToken)
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
            return StoredChunk.Open(ChunkKey.Parse(tenant, reference.ChunkKey), bytes, Config.ChunkBlockSize, Config.ChunkTargetSize);
        }
        catch (FormatException e)
        {
            throw new QuerierException(500, $"failed to decode chunk '{reference.ChunkKey}': {e.Message}", e);
        }
    }
}
