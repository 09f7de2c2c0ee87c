namespace Verified.Reference.Loki.Distributor;

/// <summary>Process-wide distributor settings (not per tenant).</summary>
public sealed record DistributorConfig
{
    /// <summary>Loki's defaults: HTTP path, 5 s remote timeout, global rate strategy with one distributor.</summary>
    public static DistributorConfig Default { get; } = new();

    /// <summary>Which entry point the requests come through: it decides label-parse errors and service_name discovery.</summary>
    public PushPath Path { get; init; } = PushPath.Http;

    /// <summary><c>ingester_client.remote_timeout</c>: 5 s per ingester call (loki pkg/ingester/client/client.go).</summary>
    public TimeSpan RemoteTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>ingestion_rate_strategy</c>: Loki's flag default is <see cref="IngestionRateStrategy.Global"/>
    /// (limits.go); with one healthy distributor it is the same as <see cref="IngestionRateStrategy.Local"/>.
    /// </summary>
    public IngestionRateStrategy RateStrategy { get; init; } = IngestionRateStrategy.Global;

    /// <summary>Healthy distributors in the distributor ring, for the global strategy; 0 counts as 1 (ingestion_rate_strategy.go).</summary>
    public Func<int> HealthyDistributors { get; init; } = static () => 1;

    /// <summary>How often a tenant's rate limiter picks up changed limits: 10 s (dskit limiter recheck period).</summary>
    public TimeSpan RateLimitRecheckPeriod { get; init; } = TimeSpan.FromSeconds(10);
}
