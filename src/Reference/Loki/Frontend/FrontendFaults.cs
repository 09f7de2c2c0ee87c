namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// Seeded bugs for negative controls: each makes the frontend wrong in one known way so the suite can show its tests
/// catch it. Never set outside tests.
/// </summary>
[Flags]
internal enum FrontendFaults
{
    None = 0,

    /// <summary>Every split but the last also covers its end instant, so neighbouring splits overlap by one timestamp.</summary>
    SplitBoundsInclusive = 1 << 0,

    /// <summary>The frontend runs every split even after <c>limit</c> entries have arrived.</summary>
    NoEarlyStop = 1 << 1,

    /// <summary>BACKWARD queries run their splits oldest first (Loki reverses them).</summary>
    BackwardSplitsNotReversed = 1 << 2,

    /// <summary>The deduplicating merge ignores structured metadata when it compares entries.</summary>
    DedupeIgnoresStructuredMetadata = 1 << 3,

    /// <summary>Every metric split but the last ends one step early, so the step at each split boundary is never evaluated.</summary>
    MetricSplitsSkipBoundaryStep = 1 << 4,

    /// <summary>The querier selects a metric piece's samples from its first step only, not <c>range</c> before it.</summary>
    MetricSamplesMissRange = 1 << 5,
}
