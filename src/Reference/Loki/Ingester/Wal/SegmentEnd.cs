namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>How a segment ended.</summary>
internal enum SegmentEnd
{
    /// <summary>Every byte belonged to a verified record.</summary>
    Clean,

    /// <summary>The last frame is incomplete (a write the crash cut short).</summary>
    TornTail,

    /// <summary>A complete frame failed its checksum or did not decode; reading stopped there.</summary>
    Corrupt,
}
