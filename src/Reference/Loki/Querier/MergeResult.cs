using System.Collections.Immutable;

namespace Verified.Reference.Loki.Querier;

/// <summary>What a merge produced: the entries in order, and how many were dropped as duplicates (Loki's <c>stats.AddDuplicates</c>).</summary>
/// <param name="Entries">Merged entries in direction order.</param>
/// <param name="Duplicates">Entries dropped because an equal one of the same stream and timestamp was already kept.</param>
public sealed record MergeResult(ImmutableArray<StreamEntry> Entries, int Duplicates);
