using System.Collections.Immutable;
using Verified.Conformance.History;

namespace Verified.Conformance.Durability;

/// <summary>
/// The model of the write path: which entries are readable, which ingester is down, each stream's newest timestamp.
/// With at most one of three ingesters down every valid push reaches quorum, so it is acknowledged and readable.
/// <see cref="InMemory"/> holds the streams pushed since the last flush: only for those is the out-of-order window
/// certain (a flush may remove a stream from memory, and a new stream starts without a window, as in Loki).
/// <see cref="Maybe"/> holds entries of failed pushes that a lagging replica may still have stored: Loki's writes are
/// not atomic (LOKI.md G6), so they may or may not be readable.
/// </summary>
public sealed record WritePathModel(ImmutableHashSet<StreamEntry> Readable, ImmutableHashSet<StreamEntry> Maybe, string? Down, ImmutableDictionary<string, long> Newest, ImmutableHashSet<string> InMemory, int Sequence)
{
    /// <summary>The empty model.</summary>
    public static WritePathModel Empty { get; } = new([], [], null, ImmutableDictionary<string, long>.Empty, [], 0);
}
