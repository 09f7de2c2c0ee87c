using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>Sends outlive the answer and the caller; the remote timeout runs on the injected clock.</summary>
public sealed class DetachedSendTests
{
    private static readonly PushRequest OneStream = Requests.Lines("fake", 2, 10, "{foo=\"bar\"}");

    [Fact]
    [Trait("Flaw", nameof(DistributorFlaw.NonAtomicWrites))]
    public async Task RemainingReplica_StillGetsTheData_AfterThePushFailed()
    {
        var harness = new Harness();
        harness.Client.Answer(TestRing.Address(0), 500, "down");
        harness.Client.Answer(TestRing.Address(1), 500, "down");
        var slow = harness.Client.Hold(TestRing.Address(2));
        var result = await harness.Distributor.PushWithOutcomeAsync(OneStream);
        result.Response.StatusCode.ShouldBe(500);
        result.Outcome.ShouldBe(PushOutcome.Indefinite);

        // The third replica was called regardless, and its call is not cancelled by the answer.
        var call = harness.Client.Calls.Single(c => c.Address == TestRing.Address(2));
        call.Token.IsCancellationRequested.ShouldBeFalse();
        var drained = harness.Distributor.WhenSendsCompleteAsync();
        drained.IsCompleted.ShouldBeFalse();
        slow.SetResult(IngesterPushResponse.Ok);
        await drained;
    }

    [Fact]
    public async Task SeededBug_SkippingSendsAfterTheAnswer_LosesTheThirdReplica()
    {
        var harness = new Harness(faults: DistributorFaults.SkipSendsAfterAnswer);
        harness.Client.Answer(TestRing.Address(0), 500, "down");
        harness.Client.Answer(TestRing.Address(1), 500, "down");
        harness.Client.Answer(TestRing.Address(2), 500, "down");
        await harness.Distributor.PushWithOutcomeAsync(OneStream);
        harness.Client.Calls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Success_IsAnsweredWithoutWaitingForTheSlowReplica()
    {
        var harness = new Harness();
        var slow = harness.Client.Hold(TestRing.Address(1));
        var result = await harness.Distributor.PushWithOutcomeAsync(OneStream);
        result.Response.ShouldBe(PushResponse.NoContent);
        slow.SetResult(new IngesterPushResponse(500, "late failure changes nothing"));
        await harness.Distributor.WhenSendsCompleteAsync();
    }

    [Fact]
    public async Task RemoteTimeout_OnTheInjectedClock_FailsTheCallWithDeadlineExceeded()
    {
        var harness = new Harness();
        harness.Client.Hang(TestRing.Address(0));
        harness.Client.Hang(TestRing.Address(1));
        var push = harness.Distributor.PushWithOutcomeAsync(OneStream);
        harness.Clock.Advance(TimeSpan.FromSeconds(4.999));
        push.IsCompleted.ShouldBeFalse();
        harness.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await push.WaitAsync(TimeSpan.FromSeconds(30));
        result.Response.ShouldBe(new PushResponse(500, "rpc error: code = DeadlineExceeded desc = context deadline exceeded"));
        result.Outcome.ShouldBe(PushOutcome.Indefinite);
    }

    [Fact]
    public async Task CallerCancellation_EndsTheWait_NotTheSends()
    {
        var harness = new Harness();
        var held = Enumerable.Range(0, 3).Select(i => harness.Client.Hold(TestRing.Address(i))).ToList();
        using var caller = new CancellationTokenSource();
        var push = harness.Distributor.PushWithOutcomeAsync(OneStream, caller.Token);
        push.IsCompleted.ShouldBeFalse();
        await caller.CancelAsync();
        var result = await push.WaitAsync(TimeSpan.FromSeconds(30));
        result.Response.ShouldBe(new PushResponse(500, "context canceled"));
        result.Outcome.ShouldBe(PushOutcome.Indefinite);
        harness.Client.Calls.ShouldAllBe(c => !c.Token.IsCancellationRequested);
        held.ForEach(h => h.SetResult(IngesterPushResponse.Ok));
        await harness.Distributor.WhenSendsCompleteAsync();
    }

    [Fact]
    public void OneBatchPerIngester_CarriesAllItsStreams()
    {
        var harness = new Harness(path: PushPath.Grpc);
        harness.Push(Requests.Lines("fake", 1, 5, "{a=\"1\"}", "{a=\"2\"}", "{a=\"3\"}"));
        harness.Client.Calls.Count.ShouldBe(3);
        harness.Client.Calls.ShouldAllBe(c => c.Request.Streams.Select(s => s.Labels).SequenceEqual(new[] { "{a=\"1\"}", "{a=\"2\"}", "{a=\"3\"}" }));
    }
}
