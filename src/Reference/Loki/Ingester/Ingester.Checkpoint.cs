using Verified.Reference.Loki.Ingester.Wal;

namespace Verified.Reference.Loki.Ingester;

public sealed partial class Ingester
{
    /// <summary>
    /// Writes a WAL checkpoint (loki pkg/ingester/checkpoint.go): cut a new segment N, snapshot every stream
    /// (chunks, last line, counter, highest timestamp), write it to <c>checkpoint.N.tmp</c>, sync, rename to
    /// <c>checkpoint.N</c>; only once that is durable delete older checkpoints and the segments before N. A record
    /// written before the cut is in the snapshot; one written after it is replayed, or skipped by its counter.
    /// </summary>
    /// <returns>The checkpoint's index.</returns>
    /// <exception cref="IOException">The checkpoint could not be written (the WAL stays as it was).</exception>
    /// <exception cref="InvalidOperationException">The ingester has not replayed its WAL yet.</exception>
    public async Task<int> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfCrashed();
        var wal = _wal ?? throw new InvalidOperationException("the WAL is open only after the start-up replay");
        using var linked = Link(cancellationToken);
        var token = linked.Token;
        try
        {
            await _checkpointGate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                int index;
                await _walGate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    await WritePendingAsync(token).ConfigureAwait(false);
                    index = wal.Cut();
                }
                finally
                {
                    _walGate.Release();
                }

                var bytes = await UnderMemoryAsync(memory => CheckpointCodec.Encode(memory.Tenants.Values), token).ConfigureAwait(false);
                var temporary = _walFiles.CheckpointTemp(index);
                var disk = _deps.Disk;
                try
                {
                    await disk.WriteAsync(temporary, bytes, token).ConfigureAwait(false);
                    await disk.SyncAsync(temporary, token).ConfigureAwait(false);
                    await disk.RenameAsync(temporary, _walFiles.Checkpoint(index), token).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    await disk.DeleteAsync(temporary, token).ConfigureAwait(false);
                    throw;
                }

                var (segments, checkpoints, _) = _walFiles.Classify(await disk.ListAsync(_walFiles.Prefix, token).ConfigureAwait(false));
                foreach (var (old, path) in checkpoints.Concat(segments))
                {
                    if (old < index)
                    {
                        await disk.DeleteAsync(path, token).ConfigureAwait(false);
                    }
                }

                return index;
            }
            finally
            {
                _checkpointGate.Release();
            }
        }
        catch (OperationCanceledException) when (_crashed)
        {
            throw Interrupted("a checkpoint");
        }
    }
}
