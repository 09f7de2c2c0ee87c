using System.Collections.Immutable;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki;

/// <summary>One stream of a log query's answer: its label string and its entries in the query's direction.</summary>
/// <param name="Labels">The stream's label string (as the querier prints it; the frontend groups streams by exact text).</param>
/// <param name="Entries">Entries, oldest first for FORWARD and newest first for BACKWARD.</param>
public sealed record ResultStream(string Labels, ImmutableArray<LogEntry> Entries)
{
    /// <summary>Value equality over the label string and the entries in order.</summary>
    public bool Equals(ResultStream? other) =>
        other is not null && Labels == other.Labels && Entries.AsSpan().SequenceEqual(other.Entries.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Labels, Entries.Length);
}
