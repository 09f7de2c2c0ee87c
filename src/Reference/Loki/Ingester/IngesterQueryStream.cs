using System.Collections.Immutable;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Ingester;

/// <summary>One stream's in-memory entries in a query's range (head blocks and unflushed or retained chunks).</summary>
/// <param name="Labels">Canonical labels.</param>
/// <param name="Fingerprint">The stream's fingerprint in this ingester.</param>
/// <param name="Entries">Entries in timestamp order (ties: chunk order, then arrival order).</param>
public sealed record IngesterQueryStream(string Labels, ulong Fingerprint, ImmutableArray<LogEntry> Entries);
