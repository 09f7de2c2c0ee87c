namespace Verified.Reference.Loki.Ingester;

/// <summary>The states of the chunk lifecycle table (spec/loki.yaml <c>lifecycles.Chunk</c>) this code drives.</summary>
public static class ChunkStates
{
    /// <summary>The stream's head chunk: accepts appends.</summary>
    public const string Open = "OPEN";

    /// <summary>Cut or picked for a flush: no more appends; waiting to be flushed.</summary>
    public const string Closed = "CLOSED";

    /// <summary>Encoded and being written to the store and the index.</summary>
    public const string Flushing = "FLUSHING";

    /// <summary>The store has it and the index points at it.</summary>
    public const string Flushed = "FLUSHED";

    /// <summary>Dropped from memory (after the retain period, 0 by default).</summary>
    public const string Removed = "REMOVED";

    /// <summary>Every state the ingester uses.</summary>
    public static IReadOnlyList<string> All { get; } = [Open, Closed, Flushing, Flushed, Removed];
}
