namespace Verified.Reference.Loki.Querier;

/// <summary>
/// Seeded bugs for negative controls: each makes the querier wrong in one known way so the suite can show its
/// tests catch it. Never set outside tests.
/// </summary>
[Flags]
internal enum QuerierFaults
{
    None = 0,

    /// <summary>The ingesters are never asked: only flushed data is visible.</summary>
    SkipIngesters = 1,

    /// <summary>Dedupe groups by timestamp only, so equal entries of different streams collapse into one.</summary>
    DedupeAcrossStreams = 2,

    /// <summary>The merge keeps every copy: replicas' entries come back once per replica.</summary>
    NoDedupe = 4,

    /// <summary>
    /// The lazy merge opens a deferred input only once the head is strictly past its first timestamp, so an input
    /// whose first entry ties with the head joins too late and the tie comes out in the wrong order.
    /// </summary>
    OpenDeferredInputsLate = 8,
}
