using System.Globalization;
using System.Text;

namespace Verified.Reference.Loki.Ingester;

/// <summary>The ingester's error texts (LOKI.md §3–4), with the sources named.</summary>
public static class IngesterErrors
{
    /// <summary>loki pkg/ingester/ingester.go <c>ErrReadOnly</c>: a stopping ingester, or one whose WAL disk is over 90% full (HTTP 500).</summary>
    public const string ShuttingDown = "Ingester is shutting down";

    /// <summary>Not a Loki text: a push to an ingester that has not finished starting (Loki's distributors never send one, as it is not in the ring yet).</summary>
    public const string NotReady = "ingester is not ready: {0}";

    /// <summary>HTTP status of <see cref="ShuttingDown"/> and of WAL failures.</summary>
    public const int InternalStatus = 500;

    /// <summary>HTTP status of <see cref="NotReady"/>.</summary>
    public const int UnavailableStatus = 503;

    /// <summary>HTTP status of a too-far-behind entry (loki pkg/ingester/stream.go errorForFailedEntries).</summary>
    public const int TooFarBehindStatus = 400;

    /// <summary>HTTP status of the active-stream limit.</summary>
    public const int StreamLimitStatus = 429;

    /// <summary>
    /// loki pkg/chunkenc <c>ErrTooFarBehind</c>: <c>entry too far behind, entry timestamp is: %s, oldest
    /// acceptable timestamp is: %s</c>, both RFC3339.
    /// </summary>
    public static string TooFarBehind(long entryNs, long cutoffNs) =>
        $"entry too far behind, entry timestamp is: {GoTime.Rfc3339(entryNs)}, oldest acceptable timestamp is: {GoTime.Rfc3339(cutoffNs)}";

    /// <summary>loki pkg/validation/validate.go <c>StreamLimitErrorMsg</c> (HTTP 429).</summary>
    public static string StreamLimit(string labels, string tenant) =>
        $"maximum active stream limit exceeded when trying to create stream {labels}, reduce the number of active streams (reduce labels or reduce label values), or contact your Loki administrator to see if the limit can be increased, user: '{tenant}'";

    /// <summary>
    /// loki pkg/ingester/stream.go <c>errorForFailedEntries</c>: up to <paramref name="maxReturned"/> lines
    /// <c>entry with timestamp &lt;Go time.String()&gt; ignored, reason: '&lt;err&gt;',\n</c>, then
    /// <c>user '&lt;t&gt;', total ignored: &lt;n&gt; out of &lt;m&gt; for stream: &lt;labels&gt;</c>.
    /// A <paramref name="maxReturned"/> of 0 lists every failure.
    /// </summary>
    public static string FailedEntries(string tenant, string labels, IReadOnlyList<FailedEntry> failed, int total, int maxReturned)
    {
        var listed = maxReturned > 0 && failed.Count > maxReturned ? maxReturned : failed.Count;
        var builder = new StringBuilder();
        for (var i = 0; i < listed; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"entry with timestamp {GoTime.String(failed[i].Entry.TimestampNs)} ignored, reason: '{failed[i].Reason}',\n");
        }

        builder.Append(CultureInfo.InvariantCulture, $"user '{tenant}', total ignored: {failed.Count} out of {total} for stream: {labels}");
        return builder.ToString();
    }
}
