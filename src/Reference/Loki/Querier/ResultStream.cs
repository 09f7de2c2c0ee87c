using System.Collections.Immutable;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Querier;

/// <summary>One stream of a query result.</summary>
/// <param name="Labels">The canonical label string.</param>
/// <param name="Entries">Entries in the query's direction.</param>
public sealed record ResultStream(string Labels, ImmutableArray<LogEntry> Entries);
