using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;
using Verified.Reference.Loki.Ring;
using Verified.Reference.Simulation;
using Verified.Routing;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>Per-stream tracking (distributor.go sendStreams): minSuccess = |instances| − MaxErrors, maxFailures = MaxErrors.</summary>
public sealed class QuorumTests
{
    private static readonly PushRequest OneStream = Requests.Lines("fake", 2, 10, "{foo=\"bar\"}");

    [Fact]
    public void FailOkOk_Succeeds()
    {
        var harness = new Harness();
        harness.Client.Answer(TestRing.Address(0), 500, "down");
        var result = harness.Push(OneStream);
        result.Response.ShouldBe(PushResponse.NoContent);
        result.Outcome.ShouldBe(PushOutcome.Acknowledged);
        result.Streams.Single().Labels.ShouldBe("{foo=\"bar\", service_name=\"unknown_service\"}");
    }

    [Fact]
    public void FailOkFail_InWalkOrder_FailsWithTheIngesterThatWentPastMaxFailures()
    {
        var harness = new Harness();
        var walk = WalkOrder(harness);
        harness.Client.Answer(walk[0], 500, "first down");
        harness.Client.Answer(walk[2], 503, "second down");
        var result = harness.Push(OneStream);
        result.Response.ShouldBe(new PushResponse(503, "second down"));
        result.Outcome.ShouldBe(PushOutcome.Indefinite);
    }

    [Fact]
    public void AckAfterOneOfThree_SeededBug_AcknowledgesFailOkFail()
    {
        foreach (var (faults, expected) in new[] { (DistributorFaults.None, 500), (DistributorFaults.AckAfterFirstSuccess, 204) })
        {
            var harness = new Harness(faults: faults);
            var walk = WalkOrder(harness);
            harness.Client.Answer(walk[0], 500, "down");
            harness.Client.Answer(walk[2], 500, "down");
            harness.Push(OneStream).Response.StatusCode.ShouldBe(expected, faults.ToString());
        }
    }

    // The replica addresses of OneStream (HTTP path: service_name added) in walk order, which is the call order.
    private static List<string> WalkOrder(Harness harness) =>
        [.. harness.Ring.Get(LokiRouting.TokenFor("fake", "{foo=\"bar\", service_name=\"unknown_service\"}"), LokiRouting.RingOperations.WriteNoExtend, Harness.Start.ToUnixTimeSeconds()).Instances.Select(i => i.Addr)];

    [Fact]
    public void UnansweredCall_CountsAsAFailure_WithItsMessageAs500()
    {
        var harness = new Harness();
        harness.Client.Unreachable(TestRing.Address(0), "connection refused", CallFailure.Definite);
        harness.Client.Unreachable(TestRing.Address(1), "connection refused", CallFailure.Definite);
        var result = harness.Push(OneStream);
        result.Response.ShouldBe(new PushResponse(500, "connection refused"));
        result.Outcome.ShouldBe(PushOutcome.Indefinite); // ingester-2 may have it
    }

    [Fact]
    public void IngesterStatus_IsPassedThrough()
    {
        var harness = new Harness();
        const string body = "maximum active stream limit exceeded when trying to create stream {foo=\"bar\"}, ...";
        harness.Client.Answer(TestRing.Address(1), 429, body);
        harness.Client.Answer(TestRing.Address(2), 429, body);
        harness.Push(OneStream).Response.ShouldBe(new PushResponse(429, body));
    }

    [Fact]
    public void ValidValidationAnd400_AfterQuorum_IsPartiallyAcknowledged_ButAQuorumFailureWins()
    {
        var request = new PushRequest("fake", [new PushStream("{a=\"b\"}", [Requests.At(0)]), new PushStream("{a=\"b\"}", [Requests.At(long.MaxValue / 2)])]);
        var ok = new Harness();
        var partial = ok.Push(request);
        partial.Response.StatusCode.ShouldBe(400);
        partial.Outcome.ShouldBe(PushOutcome.PartiallyAcknowledged);
        partial.Streams.Length.ShouldBe(1);

        var failing = new Harness();
        failing.Client.Answer(TestRing.Address(0), 500, "down");
        failing.Client.Answer(TestRing.Address(1), 500, "down");
        var failed = failing.Push(request);
        failed.Response.ShouldBe(new PushResponse(500, "down"));
        failed.Outcome.ShouldBe(PushOutcome.Indefinite);
    }

    [Fact]
    [Trait("Flaw", nameof(DistributorFlaw.DegradedSetNeedsAllReplicas))]
    public void DegradedSet_NeedsEveryRemainingReplica()
    {
        // [FLAW] DegradedSetNeedsAllReplicas: one of three stale → MaxErrors 0, so one more failure fails the push.
        var now = Harness.Start.ToUnixTimeSeconds();
        var harness = new Harness(ring: TestRing.Create([61, 0, 0], now));
        harness.Client.Answer(TestRing.Address(1), 500, "down");
        var result = harness.Push(OneStream);
        result.Response.ShouldBe(new PushResponse(500, "down"));
        harness.Client.Calls.Select(c => c.Address).ShouldNotContain(TestRing.Address(0));
    }

    [Fact]
    [Trait("Flaw", nameof(DistributorFlaw.BatchErrorCountsAgainstEveryStream))]
    public void BatchError_CountsAgainstEveryStreamOfTheBatch()
    {
        // [FLAW] BatchErrorCountsAgainstEveryStream. Four ingesters: S1 → {x, ...}, S2 → {x, y, ...} with y ∉ S1's set.
        // x and y fail: S1 has one failure (tolerated), S2 two (x's error counts against S2 too) → the push fails.
        var ring = TestRing.Create(4, Harness.Start.ToUnixTimeSeconds(), seed: 7);
        var (s1, s2, x, y) = StreamsSharingOneFailingIngester(ring);
        foreach (var seeded in new[] { DistributorFaults.None, DistributorFaults.FailureCountsAgainstFirstStreamOnly })
        {
            var harness = new Harness(path: PushPath.Grpc, ring: ring, faults: seeded);
            harness.Client.Answer(x, 500, "x down");
            harness.Client.Answer(y, 500, "y down");
            var result = harness.Push(new PushRequest("fake", [new PushStream(s1, [Requests.At(0)]), new PushStream(s2, [Requests.At(0)])]));
            if (seeded == DistributorFaults.None)
            {
                result.Response.ShouldBe(new PushResponse(500, "y down"));
            }
            else
            {
                // The seeded bug misses S2's failure at x: S2 never fails, nor reaches quorum.
                result.Response.ShouldBe(new PushResponse(500, ValidationMessages.TrackingIncomplete));
            }
        }
    }

    private static (string S1, string S2, string X, string Y) StreamsSharingOneFailingIngester(Ring ring)
    {
        var now = Harness.Start.ToUnixTimeSeconds();
        var sets = Enumerable.Range(0, 200)
            .Select(i => $"{{app=\"s{i}\"}}")
            .Select(s => (Selector: s, Set: ring.Get(LokiRouting.TokenFor("fake", s), LokiRouting.RingOperations.WriteNoExtend, now).Instances.Select(i => i.Addr).ToList()))
            .ToList();
        foreach (var a in sets)
        {
            foreach (var b in sets)
            {
                var onlyB = b.Set.Except(a.Set).ToList();
                // x must come first in S2's batch order after S1, i.e. be in S1's set; y only in S2's.
                if (onlyB.Count == 1 && a.Set.Intersect(b.Set).Any())
                {
                    return (a.Selector, b.Selector, a.Set.Intersect(b.Set).First(), onlyB[0]);
                }
            }
        }

        throw new InvalidOperationException("no pair of streams with overlapping, different replica sets");
    }
}
