using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;
using Verified.Routing;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>X-Scope-OrgID handling (dskit tenant.TenantID, ValidTenantID) and per-tenant limits.</summary>
public sealed class TenantTests
{
    [Theory]
    [InlineData("", 401, "no org id")]
    [InlineData("a/b", 400, "tenant ID 'a/b' contains unsupported character '/'")]
    [InlineData("..", 400, "tenant ID is '.' or '..'")]
    [InlineData("é", 400, "tenant ID 'é' contains unsupported character 'Ã'")]
    [InlineData("a|b", 400, "multiple org IDs present")]
    public void HostileTenant_IsRejectedAsLokiDoes(string orgId, int status, string body)
    {
        var harness = new Harness();
        var result = harness.Push(Requests.Lines(orgId, 1, 5, "{a=\"b\"}"));
        result.Response.ShouldBe(new PushResponse(status, body));
        result.Outcome.ShouldBe(PushOutcome.Rejected);
        harness.Client.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void TooLongTenant_IsRejected()
    {
        new Harness().Push(Requests.Lines(new string('t', 151), 1, 5, "{a=\"b\"}")).Response
            .ShouldBe(new PushResponse(400, "tenant ID is too long: max 150 characters"));
        new Harness().Push(Requests.Lines(new string('t', 150), 1, 5, "{a=\"b\"}")).Response.ShouldBe(PushResponse.NoContent);
    }

    [Theory]
    [InlineData("a|a", "a")]
    [InlineData("a:product=k6", "a")]
    [InlineData("a:x|a:y", "a")]
    public void RepeatedTenantOrMetadata_ResolveToOneTenant(string orgId, string tenant)
    {
        var harness = new Harness(path: PushPath.Grpc);
        harness.Push(Requests.Lines(orgId, 1, 5, "{a=\"b\"}")).Response.ShouldBe(PushResponse.NoContent);
        harness.Client.Calls.ShouldAllBe(c => c.Request.Tenant == tenant && c.Request.Streams.Single().Token == LokiRouting.TokenFor(tenant, "{a=\"b\"}"));
    }

    [Fact]
    public void InjectedTenantValidator_IsUsed()
    {
        var harness = new Harness(validateTenant: t => t == "blocked" ? "no such tenant" : null);
        harness.Push(Requests.Lines("blocked", 1, 5, "{a=\"b\"}")).Response.ShouldBe(new PushResponse(400, "no such tenant"));
        harness.Push(Requests.Lines("ok", 1, 5, "{a=\"b\"}")).Response.ShouldBe(PushResponse.NoContent);
    }

    [Fact]
    public void PerTenantLimits_ApplyToTheirTenantOnly()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: t => t == "strict" ? DistributorLimits.Default with { MaxLineSize = 4 } : DistributorLimits.Default);
        harness.Push(Requests.Lines("strict", 1, 5, "{a=\"b\"}")).Response
            .ShouldBe(new PushResponse(400, "max entry size '4' bytes exceeded for stream '{a=\"b\"}' while adding an entry with length '5' bytes"));
        harness.Push(Requests.Lines("relaxed", 1, 5, "{a=\"b\"}")).Response.ShouldBe(PushResponse.NoContent);
    }

    [Fact]
    public void Defaults_AreLokis()
    {
        var d = DistributorLimits.Default;
        (d.MaxLabelNamesPerSeries, d.MaxLabelNameLength, d.MaxLabelValueLength).ShouldBe((15, 1024, 2048));
        (d.RejectOldSamples, d.RejectOldSamplesMaxAge, d.CreationGracePeriod).ShouldBe((true, TimeSpan.FromDays(7), TimeSpan.FromMinutes(10)));
        (d.MaxLineSize, d.MaxLineSizeTruncate, d.IncrementDuplicateTimestamp).ShouldBe((262144, false, false));
        (d.AllowStructuredMetadata, d.MaxStructuredMetadataSize, d.MaxStructuredMetadataEntriesCount).ShouldBe((true, 65536, 128));
        (d.BlockIngestionUntil, d.BlockIngestionStatusCode, d.EnforcedLabels.Length).ShouldBe((null, 260, 0));
        var c = DistributorConfig.Default;
        (c.Path, c.RemoteTimeout, c.RateStrategy, c.HealthyDistributors(), c.RateLimitRecheckPeriod)
            .ShouldBe((PushPath.Http, TimeSpan.FromSeconds(5), IngestionRateStrategy.Global, 1, TimeSpan.FromSeconds(10)));
    }
}
