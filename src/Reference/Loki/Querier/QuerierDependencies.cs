using Verified.Reference.Storage;

namespace Verified.Reference.Loki.Querier;

/// <summary>What a querier reads from.</summary>
/// <param name="Ring">The current ingester ring (a snapshot per query; rings are immutable).</param>
/// <param name="Ingesters">The client to ingesters, by ring address.</param>
/// <param name="Store">The object store holding flushed chunks.</param>
/// <param name="Index">The chunk index, read as it is: share the writers' instance, or reload it before querying.</param>
/// <param name="Time">The clock: routing (now − Q) and ring health.</param>
public sealed record QuerierDependencies(Func<Ring.Ring> Ring, IIngesterQueryClient Ingesters, IObjectStore Store, ChunkIndex Index, TimeProvider Time);
