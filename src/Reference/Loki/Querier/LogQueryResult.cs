using System.Collections.Immutable;

namespace Verified.Reference.Loki.Querier;

/// <summary>
/// A log query's answer (loki pkg/logql/engine.go <c>readStreams</c>): streams sorted by label string, each with its
/// entries in the query's direction, at most the limit in total; plus what the querier did to get it.
/// </summary>
/// <param name="Streams">The streams, sorted by labels (Go byte order).</param>
/// <param name="Intervals">The intervals asked of the ingesters and the store.</param>
/// <param name="IngestersAsked">Addresses of the ingesters whose answers were used, in the order asked.</param>
/// <param name="Duplicates">Entries the merges dropped as duplicates.</param>
/// <param name="ChunksFetched">Chunks the store side fetched and checked (those the index matched: selector, tenant, time).</param>
public sealed record LogQueryResult(ImmutableArray<ResultStream> Streams, QueryIntervals Intervals, ImmutableArray<string> IngestersAsked, int Duplicates, int ChunksFetched)
{
    /// <summary>Chunk blocks the store side decompressed: fewer than the fetched chunks' blocks when the limit stopped the read early.</summary>
    public int BlocksDecoded { get; init; }

    /// <summary>Entries across all streams.</summary>
    public int EntryCount => Streams.Sum(s => s.Entries.Length);
}
