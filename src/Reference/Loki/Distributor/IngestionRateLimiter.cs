namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// The distributor's per-tenant ingestion limiter: dskit <c>limiter.RateLimiter</c> over one
/// golang.org/x/time/rate token bucket per tenant, read on an injected clock. A bucket starts full (burst
/// tokens) and refills at the limit per second up to the burst; a request of n bytes is admitted iff
/// n ≤ burst and taking n leaves no deficit that would need waiting (a deficit worth less than 1 ns of refill,
/// which Go's Duration truncates to 0, is admitted). A rejected request takes nothing (Loki reserves, then
/// cancels the reservation). Limits are re-read per tenant every recheck period, as dskit does.
/// </summary>
internal sealed class IngestionRateLimiter
{
    private readonly Func<string, (double Limit, int Burst)> _limits;
    private readonly TimeSpan _recheckPeriod;
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IngestionRateLimiter(Func<string, (double Limit, int Burst)> limits, TimeSpan recheckPeriod)
    {
        _limits = limits;
        _recheckPeriod = recheckPeriod;
    }

    /// <summary>Admits or rejects <paramref name="bytes"/> for <paramref name="tenant"/> at <paramref name="now"/>; returns the limit in force.</summary>
    public bool TryAdmit(string tenant, long bytes, DateTimeOffset now, out double limit)
    {
        lock (_lock)
        {
            var bucket = BucketFor(tenant, now);
            limit = bucket.Limit;
            var tokens = bucket.Advance(now) - bytes;
            var waitNs = tokens < 0 ? DurationFromTokens(bucket.Limit, -tokens) : 0;
            var ok = bytes <= bucket.Burst;
            if (!ok)
            {
                return false; // x/time/rate: a reservation larger than the burst changes nothing.
            }

            bucket.Last = now;
            bucket.Tokens = tokens;
            if (waitNs <= 0)
            {
                return true;
            }

            // Reservation.CancelAt(now): give the tokens back (same float steps as Go, capped at the burst).
            bucket.Tokens = Math.Min(bucket.Advance(now) + bytes, bucket.Burst);
            return false;
        }
    }

    // x/time/rate durationFromTokens: seconds = tokens / limit, truncated to whole nanoseconds; "infinite" when limit ≤ 0.
    private static long DurationFromTokens(double limit, double tokens)
    {
        if (limit <= 0)
        {
            return long.MaxValue;
        }

        var ns = tokens / limit * 1e9;
        return ns >= long.MaxValue ? long.MaxValue : (long)ns;
    }

    private Bucket BucketFor(string tenant, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue(tenant, out var bucket))
        {
            var (limit, burst) = _limits(tenant);
            bucket = new Bucket(limit, burst, now + _recheckPeriod);
            _buckets[tenant] = bucket;
            return bucket;
        }

        if (now >= bucket.RecheckAt)
        {
            // dskit recheckTenantLimiter: SetLimitAt / SetBurstAt advance the bucket before changing it.
            var (limit, burst) = _limits(tenant);
            if (limit != bucket.Limit || burst != bucket.Burst)
            {
                bucket.Tokens = bucket.Advance(now);
                bucket.Last = now;
                bucket.Limit = limit;
                bucket.Burst = burst;
            }

            bucket.RecheckAt = now + _recheckPeriod;
        }

        return bucket;
    }

    private sealed class Bucket(double limit, int burst, DateTimeOffset recheckAt)
    {
        public double Limit { get; set; } = limit;

        public int Burst { get; set; } = burst;

        public double Tokens { get; set; } = burst;

        public DateTimeOffset? Last { get; set; }

        public DateTimeOffset RecheckAt { get; set; } = recheckAt;

        // x/time/rate advance: refill for the time since the last update (none if the clock went back), capped at the burst.
        public double Advance(DateTimeOffset now)
        {
            var last = Last is { } l && l <= now ? l : now;
            var refill = Limit <= 0 ? 0 : (now - last).TotalSeconds * Limit;
            return Math.Min(Tokens + refill, Burst);
        }
    }
}
