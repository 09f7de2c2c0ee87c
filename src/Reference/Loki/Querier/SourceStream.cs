using System.Collections.Immutable;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Querier;

/// <summary>One stream of one source (an ingester's response or a stored chunk), entries already in the query's direction.</summary>
/// <param name="Labels">The stream's label string.</param>
/// <param name="StreamHash">The stream's hash (0: not available).</param>
/// <param name="Entries">Entries in direction order.</param>
public sealed record SourceStream(string Labels, ulong StreamHash, ImmutableArray<LogEntry> Entries)
{
    /// <summary>The entries tagged with this stream's labels and hash.</summary>
    public IEnumerable<StreamEntry> Tagged() => Entries.Select(e => new StreamEntry(Labels, StreamHash, e));
}
