namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// Loki behaviours LOKI.md §2–3 marks <c>[FLAW]</c> that this distributor reproduces on purpose, so that a
/// conformance check can name what it observes. None is a switch: the reference behaves as Loki does.
/// </summary>
public enum DistributorFlaw
{
    /// <summary>
    /// An ingester's error counts against every stream of its batch, so one failing ingester can fail a
    /// request whose other streams all reached quorum elsewhere (distributor.go sendStreams).
    /// </summary>
    BatchErrorCountsAgainstEveryStream,

    /// <summary>
    /// Writes are not atomic: a request that failed may already be stored on one or two replicas, and the
    /// remaining sends still go out after the answer (<see cref="PushOutcome.Indefinite"/>).
    /// </summary>
    NonAtomicWrites,

    /// <summary>
    /// A request with some invalid streams answers 400 although its valid streams were written
    /// (<see cref="PushOutcome.PartiallyAcknowledged"/>); a client that retries it writes them again.
    /// </summary>
    PartialAcceptWith400,

    /// <summary>A 429 replaces the validation errors of the same request: the client never sees them.</summary>
    RateLimitHidesValidationErrors,

    /// <summary>
    /// GroupedErrors prints groups in Go map order, which is random; the reference uses first-occurrence order
    /// (<see cref="GroupedErrors"/>), one admissible order of an unspecified one.
    /// </summary>
    RandomErrorGroupOrder,

    /// <summary>
    /// Degraded replication sets need every remaining replica: with one of three replicas unhealthy, MaxErrors
    /// is 0 and any further failure fails the write (LOKI.md §2, dskit replication_strategy.go).
    /// </summary>
    DegradedSetNeedsAllReplicas,
}
