using System.Collections.Immutable;
using Verified.Reference.Loki.LogQL.Eval;

namespace Verified.Reference.Loki.Frontend;

/// <summary>A log query's answer (one split's or the merged one): streams sorted by label string.</summary>
/// <param name="Streams">The streams.</param>
public sealed record QueryResult(ImmutableArray<ResultStream> Streams)
{
    /// <summary>The empty answer.</summary>
    public static QueryResult Empty { get; } = new(ImmutableArray<ResultStream>.Empty);

    /// <summary>Entries over all streams (what Loki's <c>LokiResponse.Count</c> counts for the early stop).</summary>
    public int EntryCount => Streams.Sum(s => s.Entries.Length);

    /// <summary>A metric piece's answer (its matrix or vector); null for a log query's piece. Not part of equality.</summary>
    public MetricResult? Metric { get; init; }

    /// <summary>Value equality over the streams in order.</summary>
    public bool Equals(QueryResult? other) => other is not null && Streams.AsSpan().SequenceEqual(other.Streams.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => Streams.Length;
}
