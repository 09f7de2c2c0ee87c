using System.Collections.Immutable;
using Verified.Routing;

namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// The per-tenant limits the distributor applies (loki pkg/validation/limits.go <c>RegisterFlags</c>, main@65e30f84).
/// <see cref="Default"/> holds Loki's defaults; a tenant override is a copy made with <c>with</c>. Sizes are bytes
/// (Loki's <c>flagext.ByteSize</c> parses "256KB" as 262144: binary kilobytes); lengths are UTF-8 bytes, as Go's
/// <c>len</c> counts them. The ingestion rate strategy is not here: Loki does not allow it per tenant
/// (see <see cref="DistributorConfig.RateStrategy"/>).
/// </summary>
public sealed record DistributorLimits
{
    /// <summary>Loki's "MB" for the ingestion rate and burst: 1048576 bytes (limits.go <c>bytesInMB</c>).</summary>
    public const double BytesInMB = 1048576;

    /// <summary>Loki's defaults.</summary>
    public static DistributorLimits Default { get; } = new();

    /// <summary><c>ingestion_rate_mb</c>: 4 MB/s per tenant (before the global strategy divides it).</summary>
    public double IngestionRateMB { get; init; } = 4;

    /// <summary><c>ingestion_burst_size_mb</c>: 6 MB (per distributor even under the global strategy).</summary>
    public double IngestionBurstSizeMB { get; init; } = 6;

    /// <summary><c>max_label_names_per_series</c>: 15 (a <c>service_name</c> label is not counted).</summary>
    public int MaxLabelNamesPerSeries { get; init; } = 15;

    /// <summary><c>max_label_name_length</c>: 1024 bytes.</summary>
    public int MaxLabelNameLength { get; init; } = 1024;

    /// <summary><c>max_label_value_length</c>: 2048 bytes.</summary>
    public int MaxLabelValueLength { get; init; } = 2048;

    /// <summary><c>reject_old_samples</c>: on.</summary>
    public bool RejectOldSamples { get; init; } = true;

    /// <summary><c>reject_old_samples_max_age</c>: 7 days; an entry strictly older than now − this is rejected.</summary>
    public TimeSpan RejectOldSamplesMaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary><c>creation_grace_period</c>: 10 minutes; an entry strictly newer than now + this is rejected.</summary>
    public TimeSpan CreationGracePeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary><c>max_line_size</c>: 262144 bytes (256 KB); 0 turns the check off.</summary>
    public int MaxLineSize { get; init; } = 256 * 1024;

    /// <summary><c>max_line_size_truncate</c>: off. When on, long lines are cut instead of rejected.</summary>
    public bool MaxLineSizeTruncate { get; init; }

    /// <summary><c>max_line_size_truncate_identifier</c>: the suffix a truncated line ends with; empty by default.</summary>
    public string MaxLineSizeTruncateIdentifier { get; init; } = string.Empty;

    /// <summary><c>allow_structured_metadata</c>: on.</summary>
    public bool AllowStructuredMetadata { get; init; } = true;

    /// <summary><c>max_structured_metadata_size</c>: 65536 bytes (64 KB) of names plus values per entry; 0 = off.</summary>
    public int MaxStructuredMetadataSize { get; init; } = 64 * 1024;

    /// <summary><c>max_structured_metadata_entries_count</c>: 128 pairs per entry; 0 = off.</summary>
    public int MaxStructuredMetadataEntriesCount { get; init; } = 128;

    /// <summary><c>increment_duplicate_timestamp</c>: off.</summary>
    public bool IncrementDuplicateTimestamp { get; init; }

    /// <summary>
    /// <c>discover_service_name</c>: the labels service_name is taken from on the HTTP path, in order; the list is
    /// the spec's (<see cref="LokiRouting.ServiceNameRule"/>). Empty turns discovery off.
    /// </summary>
    public ImmutableArray<string> DiscoverServiceName { get; init; } = LokiRouting.ServiceNameRule?.From ?? ImmutableArray<string>.Empty;

    /// <summary><c>enforced_labels</c>: labels every (non-internal) stream must carry; none by default.</summary>
    public ImmutableArray<string> EnforcedLabels { get; init; } = ImmutableArray<string>.Empty;

    /// <summary><c>block_ingestion_until</c>: while now is before it, streams are dropped; unset by default.</summary>
    public DateTimeOffset? BlockIngestionUntil { get; init; }

    /// <summary><c>block_ingestion_status_code</c>: 260; 200 drops silently.</summary>
    public int BlockIngestionStatusCode { get; init; } = 260;

    /// <summary>The rate in bytes per second: <c>IngestionRateMB × 1048576</c> (Overrides.IngestionRateBytes).</summary>
    public double IngestionRateBytes => IngestionRateMB * BytesInMB;

    /// <summary>The burst in bytes, truncated to an int as Go's <c>int(...)</c> does (Overrides.IngestionBurstSizeBytes).</summary>
    public int IngestionBurstSizeBytes => (int)(IngestionBurstSizeMB * BytesInMB);

    /// <summary>A rate and burst given in bytes (tests and vectors state them so).</summary>
    public DistributorLimits WithIngestionBytes(double rateBytes, double burstBytes) =>
        this with { IngestionRateMB = rateBytes / BytesInMB, IngestionBurstSizeMB = burstBytes / BytesInMB };
}
