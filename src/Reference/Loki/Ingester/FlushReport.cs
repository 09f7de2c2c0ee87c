using System.Collections.Immutable;

namespace Verified.Reference.Loki.Ingester;

/// <summary>What one flush pass did.</summary>
/// <param name="Flushed">Chunks the store and index confirmed, in the order they were confirmed.</param>
/// <param name="FailedAttempts">Flush operations whose store or index write failed this pass.</param>
/// <param name="RetriesScheduled">Of those, the ones scheduled again after a backoff.</param>
/// <param name="GivenUp">Of those, the ones that used their last attempt (their chunks stay in memory; a later sweep starts over).</param>
/// <param name="Removed">Flushed chunks that left memory.</param>
public sealed record FlushReport(ImmutableArray<FlushedChunk> Flushed, int FailedAttempts, int RetriesScheduled, int GivenUp, int Removed);
