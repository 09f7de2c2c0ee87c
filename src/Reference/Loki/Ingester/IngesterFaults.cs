namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// Seeded bugs for negative controls: each makes the ingester wrong in one known way so the suite can show its
/// tests catch it. Never set outside tests.
/// </summary>
[Flags]
internal enum IngesterFaults
{
    None = 0,

    /// <summary>The push is acknowledged before its WAL record is written (the record is written by the next WAL operation).</summary>
    WalAfterAck = 1,

    /// <summary>A chunk leaves memory when its flush starts, before the store has confirmed it.</summary>
    ChunkDroppedBeforeStore = 2,

    /// <summary>The out-of-order window (<c>ts &lt; highestTs − max_chunk_age/2</c>) is not enforced.</summary>
    WindowIgnored = 4,

    /// <summary>
    /// A limited query stops at exactly the limit, as Loki's does: the other entries at the last timestamp sent are
    /// left out, so the querier's merge can miss one it would have put first.
    /// </summary>
    QueryLimitCutsTies = 8,
}
