using Verified.Reference.Loki.Chunks;

namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// Ingester settings with Loki's defaults (loki pkg/ingester/ingester.go RegisterFlags, pkg/validation/limits.go;
/// LOKI.md §4). Durations are in the injected clock's time.
/// </summary>
public sealed record IngesterConfig
{
    /// <summary>Loki's defaults.</summary>
    public static IngesterConfig Default { get; } = new();

    /// <summary><c>chunk_block_size</c>: uncompressed bytes at which a head block is cut.</summary>
    public int BlockSize { get; init; } = 262_144;

    /// <summary><c>chunk_target_size</c>: compressed bytes a chunk aims for (0 = ten blocks per chunk).</summary>
    public int TargetChunkSize { get; init; } = 1_572_864;

    /// <summary><c>chunk_encoding</c>.</summary>
    public ChunkEncoding Encoding { get; init; } = ChunkEncoding.Gzip;

    /// <summary><c>chunk_idle_period</c>: a chunk not appended to for longer is flushed (<c>idle</c>).</summary>
    public TimeSpan ChunkIdlePeriod { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary><c>max_chunk_age</c>: a chunk spanning more is flushed (<c>max_age</c>); half of it is the out-of-order window.</summary>
    public TimeSpan MaxChunkAge { get; init; } = TimeSpan.FromHours(2);

    /// <summary><c>sync_period</c>: the synchronized cut period (0 = off).</summary>
    public TimeSpan SyncPeriod { get; init; } = TimeSpan.FromHours(1);

    /// <summary><c>sync_min_utilization</c>: a sync cut needs more utilization than this (≤ 0 = always).</summary>
    public double SyncMinUtilization { get; init; } = 0.1;

    /// <summary><c>flush_check_period</c>: how often the flush loop sweeps.</summary>
    public TimeSpan FlushCheckPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>concurrent_flushes</c>: flush queues (a stream's queue is <c>fp mod n</c>).</summary>
    public int ConcurrentFlushes { get; init; } = 32;

    /// <summary><c>flush_op_backoff.min_period</c>.</summary>
    public TimeSpan FlushMinBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>flush_op_backoff.max_period</c>.</summary>
    public TimeSpan FlushMaxBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary><c>flush_op_backoff.max_retries</c>: attempts of one flush operation before it is given up (the chunk stays in memory).</summary>
    public int FlushMaxRetries { get; init; } = 10;

    /// <summary><c>chunk_retain_period</c>: how long a flushed chunk stays in memory.</summary>
    public TimeSpan ChunkRetainPeriod { get; init; } = TimeSpan.Zero;

    /// <summary><c>wal.flush_on_shutdown</c>.</summary>
    public bool FlushOnShutdown { get; init; }

    /// <summary><c>wal.checkpoint_duration</c>.</summary>
    public TimeSpan WalCheckpointDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary><c>wal.dir</c>, relative to the node's disk.</summary>
    public string WalDirectory { get; init; } = "wal";

    /// <summary>WAL segment size (Prometheus wlog's default, 128 MiB); a segment is also cut at every checkpoint.</summary>
    public long WalSegmentSize { get; init; } = 128L * 1024 * 1024;

    /// <summary>Above this fraction of the WAL disk in use, pushes get <c>Ingester is shutting down</c>.</summary>
    public double WalMaxDiskUsage { get; init; } = 0.9;

    /// <summary><c>max_returned_stream_errors</c>: failed entries listed in an error body (0 = all).</summary>
    public int MaxReturnedStreamErrors { get; init; } = 10;

    /// <summary><c>max_global_streams_per_user</c> (divided by healthy ingesters, times RF).</summary>
    public int MaxGlobalStreamsPerUser { get; init; } = 5000;

    /// <summary><c>max_streams_per_user</c> (0 = off).</summary>
    public int MaxLocalStreamsPerUser { get; init; }

    /// <summary>Replication factor, for the global stream limit.</summary>
    public int ReplicationFactor { get; init; } = 3;

    /// <summary>Whether Loki's named flaws are reproduced (<see cref="Compat.LokiCompat"/>) or not.</summary>
    public Compat Compat { get; init; } = Compat.LokiCompat;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Require(BlockSize > 0, nameof(BlockSize), "must be positive");
        Require(TargetChunkSize >= 0, nameof(TargetChunkSize), "must not be negative");
        Require(ChunkIdlePeriod > TimeSpan.Zero, nameof(ChunkIdlePeriod), "must be positive");
        Require(MaxChunkAge >= TimeSpan.Zero, nameof(MaxChunkAge), "must not be negative");
        Require(SyncPeriod >= TimeSpan.Zero, nameof(SyncPeriod), "must not be negative");
        Require(FlushCheckPeriod > TimeSpan.Zero, nameof(FlushCheckPeriod), "must be positive");
        Require(ConcurrentFlushes > 0, nameof(ConcurrentFlushes), "must be positive");
        Require(FlushMinBackoff > TimeSpan.Zero && FlushMaxBackoff >= FlushMinBackoff, nameof(FlushMinBackoff), "must be positive and at most FlushMaxBackoff");
        Require(FlushMaxRetries > 0, nameof(FlushMaxRetries), "must be positive");
        Require(ChunkRetainPeriod >= TimeSpan.Zero, nameof(ChunkRetainPeriod), "must not be negative");
        Require(WalCheckpointDuration > TimeSpan.Zero, nameof(WalCheckpointDuration), "must be positive");
        Require(WalDirectory.Length > 0 && !WalDirectory.EndsWith('/'), nameof(WalDirectory), "must be a relative directory without a trailing '/'");
        Require(WalSegmentSize > 0, nameof(WalSegmentSize), "must be positive");
        Require(WalMaxDiskUsage is > 0 and <= 1, nameof(WalMaxDiskUsage), "must be in (0, 1]");
        Require(MaxReturnedStreamErrors >= 0, nameof(MaxReturnedStreamErrors), "must not be negative");
        Require(MaxGlobalStreamsPerUser >= 0 && MaxLocalStreamsPerUser >= 0, nameof(MaxGlobalStreamsPerUser), "must not be negative");
        Require(ReplicationFactor > 0, nameof(ReplicationFactor), "must be positive");
    }

    private static void Require(bool ok, string name, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name} {problem}", name);
        }
    }
}
