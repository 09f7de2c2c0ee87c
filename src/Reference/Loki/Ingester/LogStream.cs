using Verified.Reference.Loki.Chunks;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Verified.Routing;

namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// One stream of one tenant in an ingester (loki pkg/ingester/stream.go): its chunks (newest last), the last line
/// it appended, its highest timestamp and its entry counter. The owning ingester serialises access.
/// </summary>
internal sealed class LogStream
{
    private readonly IngesterConfig _config;
    private readonly LifecycleTable _chunkLifecycle;
    private readonly IngesterFaults _faults;

    public LogStream(string tenant, string labels, LabelSet labelSet, ulong fingerprint, uint token, IngesterConfig config, LifecycleTable chunkLifecycle, IngesterFaults faults)
    {
        Tenant = tenant;
        Labels = labels;
        LabelSet = labelSet;
        Fingerprint = fingerprint;
        Token = token;
        _config = config;
        _chunkLifecycle = chunkLifecycle;
        _faults = faults;
    }

    public string Tenant { get; }

    /// <summary>Canonical label string: the stream's key.</summary>
    public string Labels { get; }

    public LabelSet LabelSet { get; }

    /// <summary>Fingerprint, possibly remapped after a collision (chunk keys, flush queue, sync cuts).</summary>
    public ulong Fingerprint { get; }

    /// <summary>Ring token the distributor sent (for the ownership check).</summary>
    public uint Token { get; }

    /// <summary>Chunks, oldest first; the last one takes appends unless closed.</summary>
    public List<ChunkDescriptor> Chunks { get; } = [];

    /// <summary>The last appended entry (Loki's <c>lastLine</c>); after a checkpoint restore it has no structured metadata.</summary>
    public LogEntry? LastLine { get; set; }

    /// <summary>Highest appended timestamp, Unix ns; null before the first append (Go's zero time).</summary>
    public long? HighestTs { get; set; }

    /// <summary>Entries appended so far (<c>entryCt</c>); a WAL record carries the value after its append.</summary>
    public long EntryCount { get; set; }

    /// <summary>
    /// Loki's <c>stream.Push</c>: validate every entry against the stream's last line and the out-of-order window
    /// (both advanced by the entries accepted before it), then append the accepted ones, cutting a chunk first when
    /// it is closed, full, or due for the synchronized cut. During replay the window is not enforced.
    /// </summary>
    public StreamPush Push(IReadOnlyList<LogEntry> entries, bool replay, DateTimeOffset now)
    {
        var (accepted, failed) = Validate(entries, replay);
        if (Chunks.Count == 0)
        {
            Chunks.Add(NewChunk(now));
        }

        var bytes = 0;
        var stored = new List<LogEntry>(accepted.Count);
        foreach (var entry in accepted)
        {
            var chunk = Chunks[^1];
            if (chunk.Closed || !chunk.Chunk.SpaceFor(entry) || CutForSynchronization(entry.TimestampNs, chunk))
            {
                chunk = CutChunk(now);
            }

            chunk.LastUpdated = now;

            // A head-block duplicate is dropped by the chunk but still counted, recorded in the WAL and made the
            // last line (stream.go storeEntries ignores the dup flag except for metrics).
            chunk.Chunk.Append(entry);
            EntryCount++;
            LastLine = entry;
            if (HighestTs is not { } highest || entry.TimestampNs > highest)
            {
                HighestTs = entry.TimestampNs;
            }

            bytes += EntrySize.Line(entry);
            stored.Add(entry);
        }

        return new StreamPush(bytes, stored, failed, entries.Count);
    }

    /// <summary>Closes the head chunk (cutting its head block) and opens a new one (stream.go <c>cutChunk</c>).</summary>
    public ChunkDescriptor CutChunk(DateTimeOffset now)
    {
        var current = Chunks[^1];
        current.Chunk.Close();
        current.Close();
        var next = NewChunk(now);
        Chunks.Add(next);
        return next;
    }

    private (List<LogEntry> Accepted, List<FailedEntry> Failed) Validate(IReadOnlyList<LogEntry> entries, bool replay)
    {
        var lastLine = LastLine;
        var highest = HighestTs;
        var accepted = new List<LogEntry>(entries.Count);
        var failed = new List<FailedEntry>();
        var halfAgeNs = _config.MaxChunkAge.Ticks * 100 / 2;
        foreach (var entry in entries)
        {
            // 1. Exactly the stream's last appended line (Entry.Equal: ts, line, structured metadata): skipped silently.
            if (lastLine is not null && entry.Equals(lastLine))
            {
                continue;
            }

            // 3. The window: strictly older than highestTs − max_chunk_age/2 is refused; equal is accepted.
            if (!replay && highest is { } h && (_faults & IngesterFaults.WindowIgnored) == 0)
            {
                var cutoff = h - halfAgeNs;
                if (entry.TimestampNs < cutoff)
                {
                    failed.Add(new FailedEntry(entry, IngesterErrors.TooFarBehind(entry.TimestampNs, cutoff), IngesterErrors.TooFarBehindStatus));
                    continue;
                }
            }

            lastLine = entry;
            if (highest is not { } top || entry.TimestampNs > top)
            {
                highest = entry.TimestampNs;
            }

            accepted.Add(entry);
        }

        return (accepted, failed);
    }

    /// <summary>
    /// The synchronized cut (stream.go <c>cutChunkForSynchronization</c>): only for an entry at or after the highest
    /// timestamp, cut when <c>(ts + fp) mod P &lt; (highestTs + fp) mod P</c> (uint64 arithmetic) and the chunk is
    /// utilised above the minimum — so every replica cuts a stream at the same entry. Marks the chunk synced.
    /// </summary>
    private bool CutForSynchronization(long ts, ChunkDescriptor chunk)
    {
        var period = (ulong)(_config.SyncPeriod.Ticks * 100);
        if (period == 0 || HighestTs is not { } latest || latest > ts)
        {
            return false;
        }

        var cts = ((ulong)ts + Fingerprint) % period;
        var pts = ((ulong)latest + Fingerprint) % period;
        if (cts < pts && (_config.SyncMinUtilization <= 0 || chunk.Chunk.Utilization > _config.SyncMinUtilization))
        {
            chunk.Synced = true;
            return true;
        }

        return false;
    }

    private ChunkDescriptor NewChunk(DateTimeOffset now) =>
        new(new MemChunk(_config.BlockSize, _config.TargetChunkSize, _config.Encoding), _chunkLifecycle, now);
}
