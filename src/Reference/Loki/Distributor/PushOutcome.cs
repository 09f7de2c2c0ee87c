namespace Verified.Reference.Loki.Distributor;

/// <summary>What a push did to the store, for a history checker: definite or indefinite (Maelstrom's terms).</summary>
public enum PushOutcome
{
    /// <summary>
    /// The answer is 2xx (204, or the blocked-ingestion status, 260 by default) and every stream that was sent
    /// reached quorum. There may have been nothing to send (streams without entries, blocked streams).
    /// </summary>
    Acknowledged,

    /// <summary>
    /// The valid streams reached quorum, but the answer is 400 because other streams were invalid
    /// (<see cref="DistributorFlaw.PartialAcceptWith400"/>); the invalid ones were not written.
    /// </summary>
    PartiallyAcknowledged,

    /// <summary>Definite failure: an error answer and nothing was sent (401/400/422/429, a ring error, all streams invalid).</summary>
    Rejected,

    /// <summary>
    /// Indefinite failure: the request failed after sending, so any of its streams may be stored on some replicas
    /// (<see cref="DistributorFlaw.NonAtomicWrites"/>).
    /// </summary>
    Indefinite,
}
