namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// A queued flush of one stream (loki pkg/ingester/flush.go <c>flushOp</c>): one per stream at a time, retried
/// after a backoff until it succeeds or has used <see cref="IngesterConfig.FlushMaxRetries"/> attempts.
/// </summary>
internal sealed class FlushOperation
{
    public FlushOperation(string tenant, ulong fingerprint, long firstNs, DateTimeOffset notBefore, FlushBackoff backoff)
    {
        Tenant = tenant;
        Fingerprint = fingerprint;
        FirstNs = firstNs;
        NotBefore = notBefore;
        Backoff = backoff;
    }

    public string Tenant { get; }

    public ulong Fingerprint { get; }

    /// <summary>The stream's oldest entry when queued: older streams flush first (Loki's priority).</summary>
    public long FirstNs { get; }

    /// <summary>Flush every chunk, due or not (<c>/flush</c>, shutdown).</summary>
    public bool Forced { get; set; }

    /// <summary>Not attempted before this time (now, or after a backoff).</summary>
    public DateTimeOffset NotBefore { get; set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; set; }

    public FlushBackoff Backoff { get; }
}
