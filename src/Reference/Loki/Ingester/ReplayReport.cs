namespace Verified.Reference.Loki.Ingester;

/// <summary>What a WAL replay found and did.</summary>
public sealed record ReplayReport
{
    /// <summary>Index of the checkpoint restored, or null when there was none.</summary>
    public int? Checkpoint { get; init; }

    /// <summary>Streams restored from the checkpoint.</summary>
    public int StreamsRestored { get; init; }

    /// <summary>Segments read.</summary>
    public int Segments { get; init; }

    /// <summary>Verified records read from segments.</summary>
    public int Records { get; init; }

    /// <summary>Stream parts of records applied.</summary>
    public int StreamRecordsApplied { get; init; }

    /// <summary>Stream parts of records dropped because their counter was ≤ the stream's entry count (already in the checkpoint).</summary>
    public int StreamRecordsSkipped { get; init; }

    /// <summary>Entries appended by the replay.</summary>
    public int EntriesReplayed { get; init; }

    /// <summary>Segments that ended in an incomplete frame (a write the crash cut short).</summary>
    public int TornTails { get; init; }

    /// <summary>Segments in which a complete frame failed its checksum; the rest of such a segment is skipped.</summary>
    public int CorruptRecords { get; init; }

    /// <summary>Streams dropped after the replay because they had no chunk.</summary>
    public int EmptyStreamsRemoved { get; init; }
}
