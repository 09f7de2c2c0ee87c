using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>
/// A stream as a checkpoint keeps it (loki pkg/ingester/checkpoint.proto <c>Series</c>): its chunks, the last
/// line's timestamp and content (not its structured metadata, as in Loki), its entry counter and highest timestamp.
/// </summary>
internal sealed record CheckpointStream(
    string Tenant,
    ulong Fingerprint,
    uint Token,
    string Labels,
    long EntryCount,
    long? HighestTs,
    LogEntry? LastLine,
    IReadOnlyList<CheckpointChunk> Chunks);
