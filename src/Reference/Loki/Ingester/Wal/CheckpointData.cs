namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>The content of a checkpoint.</summary>
internal sealed record CheckpointData(IReadOnlyList<CheckpointStream> Streams, IReadOnlyList<RetiredCounter> Retired);
