using Verified.Reference.Loki.Chunks;

namespace Verified.Reference.Loki.Ingester;

public sealed partial class Ingester
{
    /// <summary>
    /// One pass of the flush loop at the clock's current time (loki pkg/ingester/flush.go): drop flushed chunks
    /// from memory (retain period), queue every stream with a chunk due — closed (<c>synced</c>/<c>full</c>),
    /// <c>idle</c>, <c>max_age</c>, or <c>not_owned</c> — then run every queued operation that is due, its queue
    /// being <c>fp mod concurrent_flushes</c> (queues run concurrently, each in order). A flush encodes each chunk,
    /// puts it in the store, adds it to the index, and only then marks it FLUSHED; a failed put or index write
    /// returns the chunk to CLOSED and retries the operation after a backoff (10s doubling to 1m, 10 attempts).
    /// </summary>
    public Task<FlushReport> FlushAsync(CancellationToken cancellationToken = default) => FlushPassAsync(forced: false, cancellationToken);

    /// <summary>Flushes every chunk of every stream (<c>/flush</c>, shutdown): the <c>forced</c> reason.</summary>
    public Task<FlushReport> FlushAllAsync(CancellationToken cancellationToken = default) => FlushPassAsync(forced: true, cancellationToken);

    /// <summary>When the earliest queued flush operation is due, or null when none is queued.</summary>
    public DateTimeOffset? NextFlushRetry
    {
        get
        {
            var queue = _memory.FlushQueue;
            lock (queue)
            {
                return queue.Count == 0 ? null : queue.Values.Min(o => o.NotBefore);
            }
        }
    }

    private async Task<FlushReport> FlushPassAsync(bool forced, CancellationToken cancellationToken)
    {
        ThrowIfCrashed();
        using var linked = Link(cancellationToken);
        var token = linked.Token;
        try
        {
            await _flushGate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                var now = _deps.Time.GetUtcNow();
                var pass = new FlushPass(now);
                var due = await UnderMemoryAsync(memory => Sweep(memory, pass, forced), token).ConfigureAwait(false);
                var queues = due.GroupBy(o => (int)(o.Fingerprint % (ulong)Config.ConcurrentFlushes))
                    .Select(q => RunQueueAsync([.. q], pass, token))
                    .ToList();
                await Task.WhenAll(queues).ConfigureAwait(false);
                await UnderMemoryAsync(memory => RemoveFlushed(memory, pass), token).ConfigureAwait(false);
                return pass.Report();
            }
            finally
            {
                _flushGate.Release();
            }
        }
        catch (OperationCanceledException) when (_crashed)
        {
            throw Interrupted("a flush");
        }
    }

    /// <summary>Removes flushed chunks, queues streams with chunks to flush, and returns the due operations, oldest stream first.</summary>
    private List<FlushOperation> Sweep(IngesterMemory memory, FlushPass pass, bool forced)
    {
        RemoveFlushed(memory, pass);
        var queue = memory.FlushQueue;
        foreach (var tenant in memory.Tenants.Values)
        {
            foreach (var stream in tenant.Streams)
            {
                if (stream.Chunks.Count == 0)
                {
                    continue;
                }

                var due = Reason(stream.Chunks[^1], pass.Now) is not null;
                if (stream.Chunks.Count == 1 && !forced && !due && IsOwned(stream))
                {
                    continue;
                }

                lock (queue)
                {
                    var key = (tenant.Tenant, stream.Fingerprint);
                    if (!queue.TryGetValue(key, out var operation))
                    {
                        var first = stream.Chunks[0].Chunk.IsEmpty ? 0 : stream.Chunks[0].Chunk.Bounds.MinTs;
                        operation = new FlushOperation(tenant.Tenant, stream.Fingerprint, first, pass.Now, new FlushBackoff(Config.FlushMinBackoff, Config.FlushMaxBackoff));
                        queue.Add(key, operation);
                    }

                    if (forced)
                    {
                        operation.Forced = true;
                        operation.NotBefore = pass.Now;
                    }
                }
            }
        }

        lock (queue)
        {
            return [.. queue.Values.Where(o => o.NotBefore <= pass.Now).OrderBy(o => o.FirstNs).ThenBy(o => o.Tenant, StringComparer.Ordinal).ThenBy(o => o.Fingerprint)];
        }
    }

    private async Task RunQueueAsync(List<FlushOperation> operations, FlushPass pass, CancellationToken cancellationToken)
    {
        foreach (var operation in operations)
        {
            var succeeded = await FlushStreamAsync(operation, pass, cancellationToken).ConfigureAwait(false);
            await UnderMemoryAsync(memory => Settle(memory, operation, succeeded, pass), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Flushes one stream's due chunks; false when the store or the index failed.</summary>
    private async Task<bool> FlushStreamAsync(FlushOperation operation, FlushPass pass, CancellationToken cancellationToken)
    {
        var (stream, batch) = await UnderMemoryAsync(memory => Collect(memory, operation, pass.Now), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            var (chunk, encoded) = batch[i];
            try
            {
                await _deps.Store.PutAsync(encoded.ObjectKey, encoded.Bytes, cancellationToken).ConfigureAwait(false);
                await _deps.Index.AddAsync(stream!.Tenant, stream.Labels, stream.Fingerprint, encoded.Key.FromMs, encoded.Key.ThroughMs, encoded.ObjectKey, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // loki flush.go: the put failed; the chunks stay in memory and the operation is retried.
                await UnderMemoryAsync(_ => Reopen(batch.Skip(i).Select(b => b.Chunk)), cancellationToken).ConfigureAwait(false);
                return false;
            }

            await UnderMemoryAsync(_ => Confirm(chunk, encoded, stream!, pass), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Picks the stream's chunks to flush, closes and encodes them, and moves them to FLUSHING.</summary>
    private (LogStream? Stream, List<(ChunkDescriptor Chunk, EncodedChunk Encoded)> Batch) Collect(IngesterMemory memory, FlushOperation operation, DateTimeOffset now)
    {
        var batch = new List<(ChunkDescriptor, EncodedChunk)>();
        if (!memory.Tenants.TryGetValue(operation.Tenant, out var tenant) || tenant.FindByFingerprint(operation.Fingerprint) is not { } stream)
        {
            return (null, batch);
        }

        var owned = IsOwned(stream);
        foreach (var chunk in stream.Chunks.ToList())
        {
            if (chunk.State is not (ChunkStates.Open or ChunkStates.Closed))
            {
                continue;
            }

            var reason = Reason(chunk, now) ?? (operation.Forced ? FlushReasons.Forced : owned ? null : FlushReasons.NotOwned);
            if (reason is null)
            {
                continue;
            }

            chunk.Close();
            chunk.Reason ??= reason;
            chunk.Chunk.Close();
            chunk.Lifecycle.ChangeTo(ChunkStates.Flushing);
            if (chunk.Chunk.IsEmpty)
            {
                // Nothing to store (a stream whose every entry was refused): flushed by definition.
                chunk.Lifecycle.ChangeTo(ChunkStates.Flushed);
                chunk.FlushedAt = now;
                continue;
            }

            batch.Add((chunk, StoredChunk.Encode(stream.Tenant, stream.Fingerprint, stream.LabelSet, chunk.Chunk)));
            if ((_faults & IngesterFaults.ChunkDroppedBeforeStore) != 0)
            {
                // Seeded bug: the chunk leaves memory before the store has confirmed it.
                chunk.Lifecycle.ChangeTo(ChunkStates.Flushed);
                chunk.Lifecycle.ChangeTo(ChunkStates.Removed);
                stream.Chunks.Remove(chunk);
            }
        }

        return (stream, batch);
    }

    private static bool Reopen(IEnumerable<ChunkDescriptor> chunks)
    {
        foreach (var chunk in chunks.Where(c => c.State == ChunkStates.Flushing))
        {
            chunk.Lifecycle.ChangeTo(ChunkStates.Closed);
        }

        return true;
    }

    private static bool Confirm(ChunkDescriptor chunk, EncodedChunk encoded, LogStream stream, FlushPass pass)
    {
        if (chunk.State == ChunkStates.Flushing)
        {
            chunk.Lifecycle.ChangeTo(ChunkStates.Flushed);
            chunk.FlushedAt = pass.Now;
        }

        pass.Flushed.Add(new FlushedChunk(stream.Labels, encoded.Key, chunk.Reason ?? FlushReasons.Forced, chunk.Chunk.Size));
        return true;
    }

    /// <summary>After an attempt: done, or retried after a backoff, or given up after the last attempt.</summary>
    private bool Settle(IngesterMemory memory, FlushOperation operation, bool succeeded, FlushPass pass)
    {
        var queue = memory.FlushQueue;
        lock (queue)
        {
            var key = (operation.Tenant, operation.Fingerprint);
            if (succeeded)
            {
                queue.Remove(key);
                return true;
            }

            pass.FailedAttempts++;
            operation.Attempts++;
            if (operation.Attempts >= Config.FlushMaxRetries)
            {
                queue.Remove(key);
                pass.GivenUp++;
                return false;
            }

            operation.NotBefore = pass.Now + operation.Backoff.NextDelay(_deps.Random);
            pass.RetriesScheduled++;
            return false;
        }
    }

    /// <summary>
    /// Drops flushed chunks older than the retain period from the front of each stream (loki flush.go
    /// <c>removeFlushedChunks</c>: a flushed chunk behind an unflushed one waits), and streams left without chunks.
    /// </summary>
    private bool RemoveFlushed(IngesterMemory memory, FlushPass pass)
    {
        foreach (var tenant in memory.Tenants.Values)
        {
            foreach (var stream in tenant.Streams.ToList())
            {
                while (stream.Chunks.Count > 0 && stream.Chunks[0] is { State: ChunkStates.Flushed, FlushedAt: { } at } && pass.Now - at >= Config.ChunkRetainPeriod)
                {
                    stream.Chunks[0].Lifecycle.ChangeTo(ChunkStates.Removed);
                    stream.Chunks.RemoveAt(0);
                    pass.Removed++;
                }

                if (stream.Chunks.Count == 0)
                {
                    tenant.Remove(stream);
                }
            }
        }

        return true;
    }

    /// <summary>Loki's <c>shouldFlushChunk</c>: closed → synced/full; idle; max_age (strict comparisons).</summary>
    private string? Reason(ChunkDescriptor chunk, DateTimeOffset now)
    {
        if (chunk.Closed)
        {
            return chunk.Synced ? FlushReasons.Synced : FlushReasons.Full;
        }

        if (now - chunk.LastUpdated > Config.ChunkIdlePeriod)
        {
            return FlushReasons.Idle;
        }

        if (!chunk.Chunk.IsEmpty)
        {
            var (min, max) = chunk.Chunk.Bounds;
            if (max - min > Config.MaxChunkAge.Ticks * 100)
            {
                return FlushReasons.MaxAge;
            }
        }

        return null;
    }

    private bool IsOwned(LogStream stream) => _deps.IsOwned?.Invoke(stream.Tenant, stream.Labels, stream.Token) ?? true;
}
