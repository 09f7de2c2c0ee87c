using System.Globalization;

namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// Loki's push error texts (loki pkg/validation/validate.go, dskit user/id.go, loki pkg/loghttp/push/push.go),
/// filled in as Go's <c>fmt</c> would. Timestamps are Go <c>time.RFC3339</c>, which Loki prints in the process
/// time zone; ours are always UTC (<c>…Z</c>), the zone Loki's containers run in.
/// </summary>
public static class ValidationMessages
{
    /// <summary>401: no <c>X-Scope-OrgID</c> (dskit user.ErrNoOrgID).</summary>
    public const string NoOrgId = "no org id";

    /// <summary>400: an <c>X-Scope-OrgID</c> naming different tenants (dskit user.ErrTooManyOrgIDs).</summary>
    public const string TooManyOrgIds = "multiple org IDs present";

    /// <summary>422: a request without streams (MissingStreamsErrorMsg).</summary>
    public const string MissingStreams = "error at least one valid stream is required for ingestion";

    /// <summary>400: a stream whose label set is empty after parsing (MissingLabelsErrorMsg).</summary>
    public const string MissingLabels = "error at least one label pair is required per stream";

    /// <summary>500 body of an ingester call that hit the remote timeout (a gRPC DeadlineExceeded status printed by Go).</summary>
    public const string DeadlineExceeded = "rpc error: code = DeadlineExceeded desc = context deadline exceeded";

    /// <summary>500 body when the caller went away while the distributor waited for the ingesters (Go's context.Canceled).</summary>
    public const string ContextCanceled = "context canceled";

    /// <summary>500 when every ingester call ended without settling some stream (only a broken tracker gets here; not a Loki text).</summary>
    public const string TrackingIncomplete = "every ingester call ended but a stream neither reached quorum nor failed";

    /// <summary>HTTP path, 400 for the whole request: <c>couldn't parse labels: %w</c> (push.go ParseLokiRequest).</summary>
    public static string CouldNotParseLabels(string error) => "couldn't parse labels: " + error;

    /// <summary>gRPC path, one invalid stream: <c>error parsing labels '%s' with error: %s</c>.</summary>
    public static string InvalidLabels(string rawLabels, string error) => $"error parsing labels '{rawLabels}' with error: {error}";

    /// <summary><c>entry for stream '%s' has %d label names; limit %d</c>.</summary>
    public static string MaxLabelNames(string labels, int count, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"entry for stream '{labels}' has {count} label names; limit {limit}");

    /// <summary><c>stream '%s' has label name too long: '%s'</c>.</summary>
    public static string LabelNameTooLong(string labels, string name) => $"stream '{labels}' has label name too long: '{name}'";

    /// <summary><c>stream '%s' has label value too long: '%s'</c>.</summary>
    public static string LabelValueTooLong(string labels, string value) => $"stream '{labels}' has label value too long: '{value}'";

    /// <summary><c>stream '%s' has duplicate label name: '%s'</c>.</summary>
    public static string DuplicateLabelName(string labels, string name) => $"stream '{labels}' has duplicate label name: '{name}'";

    /// <summary><c>missing required labels '%s' for user '%s' for stream '%s' (policy: '%s')</c>.</summary>
    public static string MissingEnforcedLabels(IEnumerable<string> missing, string tenant, string labels, string policy) =>
        $"missing required labels '{string.Join(",", missing)}' for user '{tenant}' for stream '{labels}' (policy: '{policy}')";

    /// <summary><c>entry for stream '%s' has timestamp too old: %v, oldest acceptable timestamp is: %v</c>.</summary>
    public static string TooOld(string labels, long timestampNs, long oldestAcceptableNs) =>
        $"entry for stream '{labels}' has timestamp too old: {Rfc3339(timestampNs)}, oldest acceptable timestamp is: {Rfc3339(oldestAcceptableNs)}";

    /// <summary><c>entry for stream '%s' has timestamp too new: %v</c>.</summary>
    public static string TooNew(string labels, long timestampNs) => $"entry for stream '{labels}' has timestamp too new: {Rfc3339(timestampNs)}";

    /// <summary><c>max entry size '%d' bytes exceeded for stream '%s' while adding an entry with length '%d' bytes</c>.</summary>
    public static string LineTooLong(int maxSize, string labels, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"max entry size '{maxSize}' bytes exceeded for stream '{labels}' while adding an entry with length '{length}' bytes");

    /// <summary>DisallowedStructuredMetadataErrorMsg.</summary>
    public static string DisallowedStructuredMetadata(string labels) =>
        $"stream '{labels}' includes structured metadata, but this feature is disallowed. Please see `limits_config.allow_structured_metadata` or contact your Loki administrator to enable it";

    /// <summary>StructuredMetadataTooLargeErrorMsg.</summary>
    public static string StructuredMetadataTooLarge(string labels, int size, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"stream '{labels}' has structured metadata too large: '{size}' bytes, limit: '{limit}' bytes. Please see `limits_config.max_structured_metadata_size` or contact your Loki administrator to increase it");

    /// <summary>StructuredMetadataTooManyErrorMsg.</summary>
    public static string StructuredMetadataTooMany(string labels, int count, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"stream '{labels}' has too many structured metadata labels: '{count}', limit: '{limit}'. Please see `limits_config.max_structured_metadata_entries_count` or contact your Loki administrator to increase it");

    /// <summary>429: RateLimitedErrorMsg; the limit is printed as Go's <c>int(float64)</c>.</summary>
    public static string RateLimited(string tenant, double limitBytesPerSecond, int lines, long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"ingestion rate limit exceeded for user {tenant} (limit: {(long)limitBytesPerSecond} bytes/sec) while attempting to ingest '{lines}' lines totaling '{bytes}' bytes, reduce log volume or contact your Loki administrator to see if the limit can be increased");

    /// <summary>BlockedIngestionErrorMsg (status <c>block_ingestion_status_code</c>, 260 by default).</summary>
    public static string BlockedIngestion(string tenant, DateTimeOffset until, int statusCode) =>
        string.Create(CultureInfo.InvariantCulture, $"ingestion blocked for user '{tenant}' until '{Rfc3339(until)}' with status code '{statusCode}'");

    /// <summary>429 from an ingester: StreamLimitErrorMsg.</summary>
    public static string StreamLimit(string labels, string tenant) =>
        $"maximum active stream limit exceeded when trying to create stream {labels}, reduce the number of active streams (reduce labels or reduce label values), or contact your Loki administrator to see if the limit can be increased, user: '{tenant}'";

    /// <summary>429 from an ingester: the per-stream rate limit text (<paramref name="limit"/> and <paramref name="total"/> are humanized sizes).</summary>
    public static string PerStreamRateLimit(string limit, string labels, string total) =>
        $"Per stream rate limit exceeded (limit: {limit}/sec) while attempting to ingest for stream '{labels}' totaling {total}, consider splitting a stream via additional labels or contact your Loki administrator to see if the limit can be increased";

    /// <summary>
    /// Go <c>time.Unix(0, ns).UTC().Format(time.RFC3339)</c>: whole seconds (the fraction is dropped, rounding
    /// towards the past), <c>Z</c> for UTC.
    /// </summary>
    public static string Rfc3339(long unixNanoseconds)
    {
        var seconds = Math.DivRem(unixNanoseconds, 1_000_000_000L, out var remainder);
        if (remainder < 0)
        {
            seconds--;
        }

        return Rfc3339(DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>RFC3339 in UTC without fractional seconds.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
