using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>The per-tenant token bucket (dskit limiter over x/time/rate) on the injected clock; all or nothing.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public void Bucket_StartsFull_RefillsOnTheInjectedClock_AndARejectionTakesNothing()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default.WithIngestionBytes(100, 200));
        Push(harness, 150).Response.ShouldBe(PushResponse.NoContent); // 50 left
        var rejected = Push(harness, 100);
        rejected.Response.ShouldBe(new PushResponse(429, RateLimited("fake", 100, 1, 100)));
        rejected.Outcome.ShouldBe(PushOutcome.Rejected);
        Push(harness, 50).Response.ShouldBe(PushResponse.NoContent); // the 429 took nothing: 50 were still there
        Push(harness, 1).Response.StatusCode.ShouldBe(429);
        harness.Advance(TimeSpan.FromMilliseconds(500)); // +50
        Push(harness, 50).Response.ShouldBe(PushResponse.NoContent);
        harness.Advance(TimeSpan.FromHours(1)); // capped at the burst
        Push(harness, 200).Response.ShouldBe(PushResponse.NoContent);
        Push(harness, 1).Response.StatusCode.ShouldBe(429);
    }

    [Fact]
    public void RequestOverTheBurst_IsAlwaysRejected()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default.WithIngestionBytes(1000, 200));
        harness.Advance(TimeSpan.FromDays(1));
        Push(harness, 201).Response.StatusCode.ShouldBe(429);
        Push(harness, 200).Response.ShouldBe(PushResponse.NoContent);
    }

    [Fact]
    public void AllOrNothing_NoStreamOfARejectedRequestIsSent()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default.WithIngestionBytes(100, 100));
        var result = harness.Push(Requests.Lines("fake", 6, 10, "{a=\"1\"}", "{a=\"2\"}"));
        result.Response.ShouldBe(new PushResponse(429, RateLimited("fake", 100, 12, 120)));
        harness.Client.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void Bytes_AreLinePlusStructuredMetadata_WithoutDetectedLevel_OfValidEntriesOnly()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default.WithIngestionBytes(1, 1) with { MaxLineSize = 20 });
        var entries = new[] { Requests.WithMetadata("line", ("k", "vv"), ("detected_level", "info")), Requests.At(1, new string('x', 21)) };
        harness.Push(Requests.Stream("fake", "{a=\"b\"}", entries)).Response.ShouldBe(new PushResponse(429, RateLimited("fake", 1, 1, 7)));
    }

    [Fact]
    public void GlobalStrategy_DividesTheRateByHealthyDistributors_NotTheBurst()
    {
        var config = DistributorConfig.Default with { HealthyDistributors = () => 4 };
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default.WithIngestionBytes(400, 400), config: config);
        Push(harness, 400).Response.ShouldBe(PushResponse.NoContent);
        harness.Advance(TimeSpan.FromSeconds(1)); // +100 at 400/4
        Push(harness, 101).Response.ShouldBe(new PushResponse(429, RateLimited("fake", 100, 1, 101)));
        Push(harness, 100).Response.ShouldBe(PushResponse.NoContent);
    }

    [Fact]
    public void LocalStrategy_IgnoresOtherDistributors()
    {
        var config = DistributorConfig.Default with { RateStrategy = IngestionRateStrategy.Local, HealthyDistributors = () => 4 };
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default.WithIngestionBytes(400, 400), config: config);
        Push(harness, 400).Response.ShouldBe(PushResponse.NoContent);
        harness.Advance(TimeSpan.FromSeconds(1));
        Push(harness, 400).Response.ShouldBe(PushResponse.NoContent);
    }

    [Fact]
    public void Defaults_AreFourMBPerSecondWithSixMBBurst()
    {
        DistributorLimits.Default.IngestionRateBytes.ShouldBe(4 * 1048576d);
        DistributorLimits.Default.IngestionBurstSizeBytes.ShouldBe(6 * 1048576);
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default with { MaxLineSize = 0 });
        Push(harness, 6 * 1048576).Response.ShouldBe(PushResponse.NoContent);
        Push(harness, 1).Response.ShouldBe(new PushResponse(429, RateLimited("fake", 4 * 1048576, 1, 1)));
    }

    [Fact]
    public void TenantsHaveTheirOwnBuckets_AndLimits_PickedUpAfterTheRecheckPeriod()
    {
        var rate = 100d;
        var harness = new Harness(path: PushPath.Grpc, limits: t => t == "small" ? DistributorLimits.Default.WithIngestionBytes(rate, 100) : DistributorLimits.Default);
        Push(harness, 100, "small").Response.ShouldBe(PushResponse.NoContent);
        Push(harness, 100, "other").Response.ShouldBe(PushResponse.NoContent);
        Push(harness, 1, "small").Response.StatusCode.ShouldBe(429);

        rate = 1000; // a new limit is read only when the 10 s recheck is due (dskit RateLimiter)
        harness.Advance(TimeSpan.FromMilliseconds(50));
        Push(harness, 6, "small").Response.ShouldBe(new PushResponse(429, RateLimited("small", 100, 1, 6))); // 5 refilled at the old rate
        harness.Advance(TimeSpan.FromMilliseconds(9950));
        Push(harness, 100, "small").Response.ShouldBe(PushResponse.NoContent); // t = 10 s: recheck, bucket full
        harness.Advance(TimeSpan.FromMilliseconds(50));
        Push(harness, 50, "small").Response.ShouldBe(PushResponse.NoContent); // 50 refilled at the new rate
        Push(harness, 1, "small").Response.ShouldBe(new PushResponse(429, RateLimited("small", 1000, 1, 1)));
    }

    private static PushResult Push(Harness harness, int bytes, string tenant = "fake") =>
        harness.Push(Requests.Stream(tenant, "{a=\"b\"}", Requests.At(0, new string('x', bytes))));

    private static string RateLimited(string tenant, long limit, int lines, long bytes) =>
        $"ingestion rate limit exceeded for user {tenant} (limit: {limit} bytes/sec) while attempting to ingest '{lines}' lines totaling '{bytes}' bytes, reduce log volume or contact your Loki administrator to see if the limit can be increased";
}
