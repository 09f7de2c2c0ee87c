using Verified.Reference.Simulation;
using Verified.Reference.Storage;
using Verified.Routing;

namespace Verified.Reference.Loki.Ingester;

/// <summary>What an ingester runs on: its disk (WAL), the object store and chunk index, time, randomness and hooks.</summary>
/// <param name="Disk">This node's disk; the WAL lives under <see cref="IngesterConfig.WalDirectory"/>.</param>
/// <param name="Store">The object store chunks are flushed to.</param>
/// <param name="Index">The chunk index (kept in the store) that flushed chunks are recorded in.</param>
/// <param name="Time">The clock (idle periods, flush and checkpoint periods, backoff).</param>
/// <param name="Random">Seeded randomness (flush-loop jitter, backoff jitter).</param>
public sealed record IngesterDependencies(IDisk Disk, IObjectStore Store, ChunkIndex Index, TimeProvider Time, Random Random)
{
    /// <summary>The ingester lifecycle table; the spec's by default.</summary>
    public LifecycleTable IngesterLifecycle { get; init; } = LokiRouting.IngesterLifecycle;

    /// <summary>The chunk lifecycle table; the spec's by default.</summary>
    public LifecycleTable ChunkLifecycle { get; init; } = LokiRouting.ChunkLifecycle;

    /// <summary>
    /// Starts the ring lifecycler (the instance joins the ring). Called once, after WAL replay, in JOINING; the
    /// ingester becomes RUNNING when it returns and FAILED if it throws.
    /// </summary>
    public Func<CancellationToken, Task>? JoinRingAsync { get; init; }

    /// <summary>Called first thing on a graceful stop (the instance leaves the ring).</summary>
    public Func<CancellationToken, Task>? LeaveRingAsync { get; init; }

    /// <summary>Ownership check for the <c>not_owned</c> flush reason; every stream is owned when null.</summary>
    public StreamOwnership? IsOwned { get; init; }

    /// <summary>Healthy ingesters in the ring, for the global stream limit; the limit is off when null or 0.</summary>
    public Func<int>? HealthyIngesters { get; init; }
}
