using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Routing;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>service_name is discovered on the HTTP path before hashing (LOKI.md §1; LOKI-PLACE-12).</summary>
public sealed class ServiceNameTests
{
    [Fact]
    public void HttpPath_AddsServiceNameBeforeHashing()
    {
        var harness = new Harness(path: PushPath.Http);
        var result = harness.Push(Requests.Lines("fake", 1, 5, "{app=\"foo\"}"));
        var sent = result.Streams.Single();
        sent.Labels.ShouldBe("{app=\"foo\", service_name=\"foo\"}");
        sent.Token.ShouldBe(2172855172u); // LOKI.md §1 example: fake + {app="foo", service_name="foo"}
        harness.Client.Calls.ShouldAllBe(c => c.Request.Streams.Single() == sent);
    }

    [Fact]
    public void GrpcPath_SkipsDiscovery()
    {
        var harness = new Harness(path: PushPath.Grpc);
        var sent = harness.Push(Requests.Lines("fake", 1, 5, "{app=\"foo\"}")).Streams.Single();
        sent.Labels.ShouldBe("{app=\"foo\"}");
        sent.Token.ShouldBe(25613330u); // LOKI.md §1 example: fake + {app="foo"}
    }

    [Fact]
    public void SeededBug_HashingBeforeDiscovery_SendsTheWrongToken()
    {
        var harness = new Harness(path: PushPath.Http, faults: DistributorFaults.HashBeforeServiceName);
        harness.Push(Requests.Lines("fake", 1, 5, "{app=\"foo\"}")).Streams.Single().Token.ShouldBe(25613330u);
    }

    [Theory]
    [InlineData("{job=\"j\", container=\"c\"}", "{container=\"c\", job=\"j\", service_name=\"c\"}")] // list order, not label order
    [InlineData("{service=\"\", app=\"a\"}", "{app=\"a\", service_name=\"a\"}")] // first non-empty
    [InlineData("{service_name=\"s\", app=\"a\"}", "{app=\"a\", service_name=\"s\"}")] // present: kept
    [InlineData("{foo=\"bar\"}", "{foo=\"bar\", service_name=\"unknown_service\"}")]
    [InlineData("{__pattern__=\"p\", app=\"a\"}", "{__pattern__=\"p\", app=\"a\"}")] // internal: untouched
    public void Discovery_FollowsTheConfiguredList(string selector, string sent)
    {
        var harness = new Harness(path: PushPath.Http);
        harness.Push(Requests.Lines("fake", 1, 5, selector)).Streams.Single().Labels.ShouldBe(sent);
    }

    [Fact]
    public void EmptyDiscoveryList_TurnsItOff_PerTenant()
    {
        var harness = new Harness(path: PushPath.Http, limits: t => t == "off" ? DistributorLimits.Default with { DiscoverServiceName = [] } : DistributorLimits.Default);
        harness.Push(Requests.Lines("off", 1, 5, "{app=\"foo\"}")).Streams.Single().Labels.ShouldBe("{app=\"foo\"}");
        harness.Push(Requests.Lines("on", 1, 5, "{app=\"foo\"}")).Streams.Single().Labels.ShouldBe("{app=\"foo\", service_name=\"foo\"}");
    }

    [Fact]
    public void DefaultList_IsTheSpecs()
    {
        DistributorLimits.Default.DiscoverServiceName.ShouldBe(LokiRouting.ServiceNameRule!.From);
        DistributorLimits.Default.DiscoverServiceName.ShouldBe(["service", "app", "application", "app_name", "name", "app_kubernetes_io_name", "container", "container_name", "k8s_container_name", "component", "workload", "job", "k8s_job_name"]);
    }

    [Fact]
    public void HttpPath_LabelMessagesPrintTheCanonicalFormWithServiceName()
    {
        var harness = new Harness(path: PushPath.Http, limits: _ => DistributorLimits.Default with { MaxLabelValueLength = 3 });
        harness.Push(Requests.Lines("fake", 1, 5, "{b=\"long\", a=\"x\"}")).Response.Body
            .ShouldBe("stream '{a=\"x\", b=\"long\", service_name=\"unknown_service\"}' has label value too long: 'long'");
    }
}
