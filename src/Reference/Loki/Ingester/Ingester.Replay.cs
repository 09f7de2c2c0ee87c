using Verified.Reference.Loki.Ingester.Wal;

namespace Verified.Reference.Loki.Ingester;

public sealed partial class Ingester
{
    /// <summary>
    /// WAL replay (loki pkg/ingester/recovery.go): restore the newest complete checkpoint, then apply the records
    /// of every segment numbered from it, in order. A record part whose counter is ≤ its stream's entry count is
    /// already in the checkpoint and is skipped. A segment is read up to its first incomplete or corrupt frame and
    /// the rest of it is skipped (counted); replay goes on with the next segment. Streams left without chunks are
    /// dropped, as Loki's recoverer does. New records then go to a fresh segment after every existing one.
    /// </summary>
    private async Task<ReplayReport> ReplayAsync(CancellationToken cancellationToken)
    {
        var disk = _deps.Disk;
        var (segments, checkpoints, temporary) = _walFiles.Classify(await disk.ListAsync(_walFiles.Prefix, cancellationToken).ConfigureAwait(false));
        foreach (var path in temporary)
        {
            await disk.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
        }

        var report = new ReplayReport();
        var from = 0;
        if (checkpoints.Count > 0)
        {
            var (index, path) = checkpoints[^1];
            var bytes = await disk.ReadAsync(path, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException($"checkpoint {path} vanished during replay");
            var data = CheckpointCodec.Decode(bytes, Config.BlockSize, Config.TargetChunkSize);
            await UnderMemoryAsync(memory => Restore(memory, data), cancellationToken).ConfigureAwait(false);
            report = report with { Checkpoint = index, StreamsRestored = data.Streams.Count };
            from = index;
        }

        foreach (var (index, path) in segments.Where(s => s.Index >= from))
        {
            var bytes = await disk.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                continue;
            }

            var contents = WalCodec.Read(bytes);
            report = report with
            {
                Segments = report.Segments + 1,
                Records = report.Records + contents.Records.Count,
                TornTails = report.TornTails + (contents.End == SegmentEnd.TornTail ? 1 : 0),
                CorruptRecords = report.CorruptRecords + (contents.End == SegmentEnd.Corrupt ? 1 : 0),
            };
            foreach (var record in contents.Records)
            {
                report = await UnderMemoryAsync(memory => Apply(memory, record, report), cancellationToken).ConfigureAwait(false);
            }
        }

        var removed = await UnderMemoryAsync(RemoveEmptyStreams, cancellationToken).ConfigureAwait(false);
        var last = Math.Max(segments.Count > 0 ? segments[^1].Index : 0, checkpoints.Count > 0 ? checkpoints[^1].Index : 0);
        _wal = new WalWriter(disk, _walFiles, Config.WalSegmentSize, last + 1);
        return report with { EmptyStreamsRemoved = removed };
    }

    private bool Restore(IngesterMemory memory, CheckpointData data)
    {
        foreach (var saved in data.Streams)
        {
            var tenant = Tenant(memory, saved.Tenant);
            var stream = GetOrCreateStream(tenant, saved.Labels, saved.Token, saved.Fingerprint);
            stream.EntryCount = saved.EntryCount;
            stream.HighestTs = saved.HighestTs;
            stream.LastLine = saved.LastLine;
            foreach (var chunk in saved.Chunks)
            {
                stream.Chunks.Add(new ChunkDescriptor(chunk.Chunk, _deps.ChunkLifecycle, chunk.LastUpdated, chunk.State)
                {
                    Synced = chunk.Synced,
                    FlushedAt = chunk.FlushedAt,
                });
            }
        }

        foreach (var retired in data.Retired)
        {
            var tenant = Tenant(memory, retired.Tenant);
            if (tenant.Find(retired.Labels) is null)
            {
                tenant.RetiredCounters[retired.Labels] = retired.Counter;
            }
        }

        return true;
    }

    private ReplayReport Apply(IngesterMemory memory, WalRecord record, ReplayReport report)
    {
        var now = _deps.Time.GetUtcNow();
        var tenant = Tenant(memory, record.Tenant);
        foreach (var part in record.Streams)
        {
            var stream = GetOrCreateStream(tenant, part.Labels, part.Token, part.Fingerprint);
            if (part.Counter <= stream.EntryCount)
            {
                report = report with { StreamRecordsSkipped = report.StreamRecordsSkipped + 1 };
                continue;
            }

            var push = stream.Push(part.Entries, replay: true, now);
            stream.EntryCount = Math.Max(stream.EntryCount, part.Counter);
            report = report with
            {
                StreamRecordsApplied = report.StreamRecordsApplied + 1,
                EntriesReplayed = report.EntriesReplayed + push.Stored.Count,
            };
        }

        return report;
    }

    private static int RemoveEmptyStreams(IngesterMemory memory)
    {
        var removed = 0;
        foreach (var tenant in memory.Tenants.Values)
        {
            foreach (var stream in tenant.Streams.Where(s => s.Chunks.Count == 0).ToList())
            {
                tenant.Remove(stream);
                removed++;
            }
        }

        return removed;
    }
}
