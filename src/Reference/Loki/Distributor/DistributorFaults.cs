namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// Seeded bugs for negative controls: each makes the distributor wrong in one known way, so the suite can show
/// that its properties catch it. Never set outside tests.
/// </summary>
[Flags]
internal enum DistributorFaults
{
    None = 0,

    /// <summary>Label validation skips the label-name length check.</summary>
    SkipLabelNameLengthCheck = 1 << 0,

    /// <summary>The too-old check rejects an entry exactly at now − max age (Loki's bound is strict).</summary>
    OldSampleBoundInclusive = 1 << 1,

    /// <summary>Entries that failed validation are sent to the ingesters anyway.</summary>
    SendInvalidEntries = 1 << 2,

    /// <summary>The rate limit counts the bytes of invalid entries too.</summary>
    RateLimitCountsInvalidEntries = 1 << 3,

    /// <summary>The token is computed from the labels before service_name is discovered.</summary>
    HashBeforeServiceName = 1 << 4,

    /// <summary>An ingester error counts against only the first stream of its batch.</summary>
    FailureCountsAgainstFirstStreamOnly = 1 << 5,

    /// <summary>A stream is acknowledged after one replica succeeded ("ack after 1 of 3").</summary>
    AckAfterFirstSuccess = 1 << 6,

    /// <summary>Once the answer is known, sends that have not started yet are skipped.</summary>
    SkipSendsAfterAnswer = 1 << 7,
}
