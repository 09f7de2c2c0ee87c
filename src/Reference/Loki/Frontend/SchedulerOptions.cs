namespace Verified.Reference.Loki.Frontend;

/// <summary>The query scheduler's limits (loki pkg/queue, pkg/scheduler; defaults from LOKI.md §6).</summary>
public sealed record SchedulerOptions
{
    /// <summary>Loki's text for a full tenant queue (loki pkg/queue queue.go ErrTooManyRequests).</summary>
    public const string TooManyOutstandingRequestsText = "too many outstanding requests";

    /// <summary>The defaults: 32000 queued requests per tenant (the v1 frontend used 2048), 4 concurrent per querier.</summary>
    public static SchedulerOptions Default { get; } = new();

    /// <summary><c>max_outstanding_requests_per_tenant</c>: queued (not yet dispatched) requests a tenant may have; one more is a 429.</summary>
    public int MaxOutstandingPerTenant { get; init; } = 32000;

    /// <summary>The querier's <c>max_concurrent</c>: requests one querier runs at once, unless given when it is added.</summary>
    public int MaxConcurrentPerQuerier { get; init; } = 4;
}
