using Verified.Reference.Loki.Chunks;

namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>A chunk in a checkpoint, with the flags Loki's checkpoint <c>Chunk</c> keeps (closed, synced, last update, flushed at).</summary>
/// <param name="State">OPEN, CLOSED or FLUSHED (a flush in progress is saved as CLOSED: it is not durable yet).</param>
/// <param name="Synced">Closed by the synchronized cut.</param>
/// <param name="LastUpdated">Clock time of its last append.</param>
/// <param name="FlushedAt">When the store confirmed it, if it did.</param>
/// <param name="Chunk">Its blocks and head block.</param>
internal sealed record CheckpointChunk(string State, bool Synced, DateTimeOffset LastUpdated, DateTimeOffset? FlushedAt, MemChunk Chunk);
