using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>Ring lookups (WriteNoExtend, the spec's distributor operation): any error is a 500 with dskit's text, nothing sent.</summary>
public sealed class RingErrorTests
{
    private static readonly PushRequest TwoStreams = Requests.Lines("fake", 1, 10, "{a=\"1\"}", "{a=\"2\"}");

    [Fact]
    public void EmptyRing_500()
    {
        var harness = new Harness(ring: TestRing.Empty());
        harness.Push(TwoStreams).ShouldBe(PushResult.Rejected(500, "empty ring"), new ResultComparer());
        harness.Client.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void OneInstanceRing_500_AtLeastTwoLiveReplicas()
    {
        var harness = new Harness(ingesters: 1);
        harness.Push(TwoStreams).Response.ShouldBe(new PushResponse(500, "at least 2 live replicas required, could only find 1"));
        harness.Client.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void TwoStaleOfThree_500_NamingTheUnhealthyByAddress()
    {
        var now = Harness.Start.ToUnixTimeSeconds();
        var harness = new Harness(ring: TestRing.Create([0, 61, 120], now));
        var response = harness.Push(TwoStreams).Response;
        const string prefix = "at least 2 live replicas required, could only find 1 - unhealthy instances: ";
        response.StatusCode.ShouldBe(500);
        response.Body.ShouldStartWith(prefix);
        response.Body[prefix.Length..].Split(',').ShouldBe(["ingester-1:9095", "ingester-2:9095"], ignoreOrder: true); // walk order
        harness.Client.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void HeartbeatsAgeOnTheInjectedClock()
    {
        var harness = new Harness();
        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        harness.Push(TwoStreams).Response.ShouldBe(PushResponse.NoContent); // 60 s old: still healthy (inclusive)
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        harness.Push(TwoStreams).Response.StatusCode.ShouldBe(500);
    }

    /// <summary>Compares results by value (ImmutableArray has reference equality).</summary>
    private sealed class ResultComparer : IEqualityComparer<PushResult>
    {
        public bool Equals(PushResult? x, PushResult? y) =>
            x is not null && y is not null && x.Response == y.Response && x.Outcome == y.Outcome && x.Streams.SequenceEqual(y.Streams);

        public int GetHashCode(PushResult obj) => obj.Response.GetHashCode();
    }
}
