namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>The verified records of a segment and how it ended.</summary>
internal sealed record SegmentContents(IReadOnlyList<WalRecord> Records, SegmentEnd End);
