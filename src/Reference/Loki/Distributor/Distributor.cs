using Verified.Reference.Loki.Push;
using Verified.Reference.Storage;
using Verified.Routing;
using LokiRing = Verified.Reference.Loki.Ring.Ring;

namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// Loki's classic distributor (LOKI.md §3; loki pkg/distributor/http.go, distributor.go pushWithResolver at
/// main@65e30f84): tenant → label parsing (HTTP) → zero streams → per-stream validation in request order →
/// rate limit, all or nothing → ring lookup per stream → one batch per ingester, sent concurrently and detached
/// from the caller, each stream tracked against its replication set. Time comes from the injected
/// <see cref="TimeProvider"/>; nothing here sleeps or reads the wall clock.
/// </summary>
/// <remarks>
/// Not modelled (Loki defaults in brackets): in-flight byte limit [off], circuit breaker [off], request body size
/// limits (413), stream sharding [on; never shards a stream's first push], detected_level discovery [on] and
/// generic field discovery [off], per-policy limits, the label cache (which Loki shares across tenants), the
/// Kafka path and tees. The ingester batches go out in first-appearance order of their addresses; Loki iterates a
/// Go map.
/// </remarks>
public sealed partial class Distributor
{
    private readonly ITokenRingSpec _spec;
    private readonly Func<LokiRing> _ring;
    private readonly IIngesterClient _ingesters;
    private readonly TimeProvider _time;
    private readonly Func<string, DistributorLimits> _limits;
    private readonly DistributorConfig _config;
    private readonly Func<string, string?> _validateTenant;
    private readonly DistributorFaults _faults;
    private readonly IngestionRateLimiter _rateLimiter;
    private readonly List<Task> _sends = [];
    private readonly Lock _sendsLock = new();

    /// <summary>Creates a distributor.</summary>
    /// <param name="spec">The routing spec (canonical labels, token, ring operation, service_name rule): <see cref="LokiRouting.Instance"/>.</param>
    /// <param name="ring">The current ingester ring; read once per push.</param>
    /// <param name="ingesters">How batches reach ingesters.</param>
    /// <param name="time">The clock: validation bounds, the rate limiter, ring health and the remote timeout.</param>
    /// <param name="limits">Per-tenant limits; <see cref="DistributorLimits.Default"/> for every tenant when null.</param>
    /// <param name="config">Process-wide settings; <see cref="DistributorConfig.Default"/> when null.</param>
    /// <param name="validateTenant">Checks one tenant id: null when valid, else the 400 text. Defaults to dskit's ValidTenantID (<see cref="TenantIds.Validate"/>).</param>
    public Distributor(
        ITokenRingSpec spec,
        Func<LokiRing> ring,
        IIngesterClient ingesters,
        TimeProvider time,
        Func<string, DistributorLimits>? limits = null,
        DistributorConfig? config = null,
        Func<string, string?>? validateTenant = null)
        : this(spec, ring, ingesters, time, limits, config, validateTenant, DistributorFaults.None)
    {
    }

    internal Distributor(
        ITokenRingSpec spec,
        Func<LokiRing> ring,
        IIngesterClient ingesters,
        TimeProvider time,
        Func<string, DistributorLimits>? limits,
        DistributorConfig? config,
        Func<string, string?>? validateTenant,
        DistributorFaults faults)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(ingesters);
        ArgumentNullException.ThrowIfNull(time);
        _spec = spec;
        _ring = ring;
        _ingesters = ingesters;
        _time = time;
        _limits = limits ?? (static _ => DistributorLimits.Default);
        _config = config ?? DistributorConfig.Default;
        _validateTenant = validateTenant ?? TenantIds.Validate;
        _faults = faults;
        _rateLimiter = new IngestionRateLimiter(RateLimitFor, _config.RateLimitRecheckPeriod);
    }

    /// <summary>Pushes <paramref name="request"/> and returns the HTTP answer.</summary>
    public async Task<PushResponse> PushAsync(PushRequest request, CancellationToken cancellationToken = default) =>
        (await PushWithOutcomeAsync(request, cancellationToken).ConfigureAwait(false)).Response;

    /// <summary>
    /// Pushes <paramref name="request"/> and returns the HTTP answer with what it did to the store. Cancelling
    /// <paramref name="cancellationToken"/> stops the wait (500 <c>context canceled</c>, indefinite), never the sends.
    /// </summary>
    public async Task<PushResult> PushWithOutcomeAsync(PushRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // 1. Tenant: 401 without one, 400 for an id dskit rejects (http.go pushHandler).
        var (tenant, status, error) = TenantHeader.Resolve(request.Tenant, _validateTenant);
        if (error is not null)
        {
            return PushResult.Rejected(status, error);
        }

        var limits = _limits(tenant);
        var streams = Prepare(request.Streams.IsDefault ? [] : request.Streams, limits, out var parseError);
        if (parseError is not null)
        {
            return PushResult.Rejected(400, ValidationMessages.CouldNotParseLabels(parseError));
        }

        // 3. Zero streams → 422 (pushWithResolver, before any validation).
        if (streams.Count == 0)
        {
            return PushResult.Rejected(422, ValidationMessages.MissingStreams);
        }

        // 4–6. Per-stream validation in request order; the answer if everything valid reaches quorum.
        var now = _time.GetUtcNow();
        var valid = Validate(tenant, streams, limits, now);
        if (valid.Fatal is not null)
        {
            return PushResult.Rejected(500, valid.Fatal);
        }

        var answer = valid.Answer();
        if (valid.Streams.Count == 0)
        {
            return new PushResult(answer, answer.IsSuccess ? PushOutcome.Acknowledged : PushOutcome.Rejected, []);
        }

        // 7. Rate limit over the valid bytes, all or nothing; the validation errors are lost.
        if (!_rateLimiter.TryAdmit(tenant, valid.Bytes, now, out var limit))
        {
            return PushResult.Rejected(429, ValidationMessages.RateLimited(tenant, limit, valid.Lines, valid.Bytes));
        }

        // 8. One ring lookup per stream; any error fails the request before anything is sent.
        var plan = Plan(valid.Streams, out var ringError);
        if (ringError is not null)
        {
            return PushResult.Rejected(500, ringError);
        }

        // 9. Send and track.
        return await SendAsync(tenant, plan, answer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes when every ingester call started so far has finished (sends outlive the answer).</summary>
    public Task WhenSendsCompleteAsync()
    {
        lock (_sendsLock)
        {
            return Task.WhenAll(_sends.ToList());
        }
    }

    private (double Limit, int Burst) RateLimitFor(string tenant)
    {
        var limits = _limits(tenant);
        var rate = limits.IngestionRateBytes;
        if (_config.RateStrategy == IngestionRateStrategy.Global)
        {
            var distributors = _config.HealthyDistributors();
            rate = distributors > 0 ? rate / distributors : rate;
        }

        return (rate, limits.IngestionBurstSizeBytes);
    }
}
