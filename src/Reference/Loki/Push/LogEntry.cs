using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.Push;

/// <summary>One log line as Loki's push API carries it (loki pkg/push/types.go Entry).</summary>
/// <param name="TimestampNs">Unix nanoseconds.</param>
/// <param name="Line">The log line.</param>
/// <param name="StructuredMetadata">Structured metadata pairs (part of entry equality for dedupe).</param>
public sealed record LogEntry(long TimestampNs, string Line, ImmutableArray<Label> StructuredMetadata)
{
    /// <summary>An entry without structured metadata.</summary>
    public LogEntry(long timestampNs, string line)
        : this(timestampNs, line, ImmutableArray<Label>.Empty)
    {
    }

    /// <summary>Loki's Entry.Equal: timestamp, line and structured metadata (in order).</summary>
    public bool Equals(LogEntry? other) =>
        other is not null && TimestampNs == other.TimestampNs && Line == other.Line && StructuredMetadata.AsSpan().SequenceEqual(other.StructuredMetadata.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TimestampNs, Line, StructuredMetadata.Length);
}
