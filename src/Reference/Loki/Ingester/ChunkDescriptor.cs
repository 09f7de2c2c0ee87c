using Verified.Reference.Lifecycle;
using Verified.Reference.Loki.Chunks;
using Verified.Routing;

namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// A stream's chunk and its flush bookkeeping (loki pkg/ingester/stream.go <c>chunkDesc</c>), with its state held by
/// a machine over the spec's chunk lifecycle: OPEN → CLOSED → FLUSHING → FLUSHED → REMOVED, FLUSHING → CLOSED when
/// the store fails.
/// </summary>
internal sealed class ChunkDescriptor
{
    public ChunkDescriptor(MemChunk chunk, LifecycleTable lifecycle, DateTimeOffset lastUpdated, string? state = null)
    {
        Chunk = chunk;
        Lifecycle = new SpecStateMachine(lifecycle, state);
        LastUpdated = lastUpdated;
    }

    public MemChunk Chunk { get; }

    public SpecStateMachine Lifecycle { get; }

    public string State => Lifecycle.State;

    /// <summary>No more appends: anything but OPEN (Loki's <c>closed</c>).</summary>
    public bool Closed => State != ChunkStates.Open;

    /// <summary>Closed by the synchronized cut (flush reason <c>synced</c> rather than <c>full</c>).</summary>
    public bool Synced { get; set; }

    /// <summary>Clock time of the last append (for <c>idle</c>).</summary>
    public DateTimeOffset LastUpdated { get; set; }

    /// <summary>When the store and the index confirmed it.</summary>
    public DateTimeOffset? FlushedAt { get; set; }

    /// <summary>The reason of its flush, once picked.</summary>
    public string? Reason { get; set; }

    /// <summary>OPEN → CLOSED; a no-op when already closed.</summary>
    public void Close()
    {
        if (State == ChunkStates.Open)
        {
            Lifecycle.ChangeTo(ChunkStates.Closed);
        }
    }
}
