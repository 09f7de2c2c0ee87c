using System.Collections.Immutable;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.History;

/// <summary>How a push ended, as a client saw it (Maelstrom's vocabulary, ARCHITECTURE.md).</summary>
public enum PushVerdict
{
    /// <summary>2xx: every valid entry of the request must be readable.</summary>
    Acknowledged,

    /// <summary>A failure that means "not applied" (nothing was sent to an ingester).</summary>
    DefiniteFailure,

    /// <summary>A failure after data may have reached ingesters: the entries may or may not be readable.</summary>
    IndefiniteFailure,
}

/// <summary>One entry of one stream, the unit the checker reasons about.</summary>
/// <param name="Tenant">Tenant.</param>
/// <param name="Labels">Canonical labels of the stream.</param>
/// <param name="Entry">The entry.</param>
public readonly record struct StreamEntry(string Tenant, string Labels, LogEntry Entry);

/// <summary>A completed push in a history: what was asked, what was meant to be written, how it ended.</summary>
/// <param name="Id">Operation id, unique in the history.</param>
/// <param name="Written">The entries the push would write if applied (its valid entries, canonical labels).</param>
/// <param name="Verdict">How it ended for the client.</param>
/// <param name="Response">The wire answer, for reports.</param>
public sealed record PushRecord(long Id, ImmutableArray<StreamEntry> Written, PushVerdict Verdict, PushResponse Response);

/// <summary>A fault the workload injected, kept in the history for reports.</summary>
public sealed record FaultRecord(long Id, string Description);

/// <summary>What a read found: every entry per stream, deduplicated as Loki's read path does.</summary>
public sealed record ReadRecord(long Id, ImmutableArray<StreamEntry> Found);
