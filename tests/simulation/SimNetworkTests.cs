using Shouldly;
using Verified.Reference.Simulation;
using Xunit;
using static Verified.Simulation.Tests.NetworkTestKit;

namespace Verified.Simulation.Tests;

/// <summary>SimNetwork's fault semantics, one by one: what fails, when, and whether definitely.</summary>
public sealed class SimNetworkTests
{
    private readonly SimulatedClock _clock = new();
    private readonly SimNetwork _network;
    private readonly List<int> _started = [];

    public SimNetworkTests()
    {
        _network = new SimNetwork(_clock, new Random(1));
        RegisterEcho(_network, _clock, "b", _started);
    }

    [Fact]
    public void Call_ReachesTheHandlerWithTheSameObject_AndReturnsItsAnswer() => Inline.Run(() =>
    {
        var request = new Ping(7);
        Ping? seen = null;
        _network.Register<Ping, Pong>("c", (ping, _) =>
        {
            seen = ping;
            return Task.FromResult(new Pong(ping.Id));
        });
        var call = _network.CallAsync<Ping, Pong>("a", "c", request);
        call.Result.ShouldBe(new Pong(7));
        seen.ShouldBeSameAs(request);
    });

    [Fact]
    public void DroppedRequest_IsDefinite_AndTheHandlerNeverRuns() => Inline.Run(() =>
    {
        _network.DropNextRequests("a", "b");
        Outcome(_network.CallAsync<Ping, Pong>("a", "b", new Ping(1))).ShouldBe("Definite");
        Outcome(_network.CallAsync<Ping, Pong>("a", "b", new Ping(2))).ShouldBe("ok");
        _started.ShouldBe([2]);
    });

    [Fact]
    public void DroppedResponse_IsIndefinite_AndTheHandlerRan() => Inline.Run(() =>
    {
        _network.DropNextResponses("a", "b");
        Outcome(_network.CallAsync<Ping, Pong>("a", "b", new Ping(1))).ShouldBe("Indefinite");
        _started.ShouldBe([1]);
    });

    [Fact]
    public void LinkDelay_HoldsTheAnswerForOneRoundTripOnTheClock() => Inline.Run(() =>
    {
        _network.SetLinkFaults("a", "b", new LinkFaults(Delay: TimeSpan.FromMilliseconds(100)));
        var call = _network.CallAsync<Ping, Pong>("a", "b", new Ping(1));
        _clock.Advance(TimeSpan.FromMilliseconds(99));
        _started.ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        _started.ShouldBe([1]);
        _clock.Advance(TimeSpan.FromMilliseconds(99));
        Outcome(call).ShouldBe("pending");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Outcome(call).ShouldBe("ok");
    });

    [Fact]
    public void Partition_IsDefiniteUntilHealed() => Inline.Run(() =>
    {
        _network.Partition(["a"], ["b", "c"]);
        _network.CanReach("b", "a").ShouldBeFalse();
        _network.CanReach("b", "c").ShouldBeTrue();
        Outcome(_network.CallAsync<Ping, Pong>("a", "b", new Ping(1))).ShouldBe("Definite");
        _network.Heal();
        Outcome(_network.CallAsync<Ping, Pong>("a", "b", new Ping(2))).ShouldBe("ok");
        _started.ShouldBe([2]);
    });

    [Fact]
    public void PartitionWhileTheHandlerRuns_LosesTheAnswer_Indefinite() => Inline.Run(() =>
    {
        var slow = new List<int>();
        RegisterEcho(_network, _clock, "s", slow, TimeSpan.FromSeconds(1));
        var call = _network.CallAsync<Ping, Pong>("a", "s", new Ping(1));
        _network.Isolate("s");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Outcome(call).ShouldBe("Indefinite");
        slow.ShouldBe([1]);
    });

    [Fact]
    public void CrashedNode_RefusesCallsDefinitely_AndLosesItsHandlers() => Inline.Run(() =>
    {
        _network.Crash("b");
        _network.IsUp("b").ShouldBeFalse();
        Outcome(_network.CallAsync<Ping, Pong>("a", "b", new Ping(1))).ShouldBe("Definite");
        _network.Restart("b");
        var unregistered = _network.CallAsync<Ping, Pong>("a", "b", new Ping(2));
        Outcome(unregistered).ShouldBe("Definite");
        unregistered.Exception!.InnerException!.Message.ShouldContain("no handler");
        RegisterEcho(_network, _clock, "b", _started);
        Outcome(_network.CallAsync<Ping, Pong>("a", "b", new Ping(3))).ShouldBe("ok");
        _started.ShouldBe([3]);
    });

    [Fact]
    public void CrashWhileHandling_FailsTheCallIndefiniteAtOnce_AndCancelsTheHandler() => Inline.Run(() =>
    {
        var cancelled = false;
        _network.Register<Ping, Pong>("s", async (ping, ct) =>
        {
            try
            {
                await _clock.DelayAsync(TimeSpan.FromHours(1), ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }

            return new Pong(ping.Id);
        });
        var call = _network.CallAsync<Ping, Pong>("a", "s", new Ping(1));
        _network.Crash("s");
        Outcome(call).ShouldBe("Indefinite");
        cancelled.ShouldBeTrue();
        _network.InFlight.ShouldBe(0);
    });

    [Fact]
    public void CallerCrash_FailsItsWaitingCallsIndefinite_AndADownCallerCannotCall() => Inline.Run(() =>
    {
        var slow = new List<int>();
        RegisterEcho(_network, _clock, "s", slow, TimeSpan.FromSeconds(1));
        var call = _network.CallAsync<Ping, Pong>("a", "s", new Ping(1));
        _network.Crash("a");
        Outcome(call).ShouldBe("Indefinite");
        Outcome(_network.CallAsync<Ping, Pong>("a", "s", new Ping(2))).ShouldBe("Definite");
        _clock.Advance(TimeSpan.FromSeconds(1));
        slow.ShouldBe([1]); // the request was already on the wire
    });

    [Fact]
    public void Timeout_IsIndefinite_AndTheRequestMayStillArrive() => Inline.Run(() =>
    {
        _network.SetLinkFaults("a", "b", new LinkFaults(Delay: TimeSpan.FromSeconds(1)));
        var call = _network.CallAsync<Ping, Pong>("a", "b", new Ping(1), TimeSpan.FromMilliseconds(500));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Outcome(call).ShouldBe("Indefinite");
        call.Exception!.InnerException!.Message.ShouldContain("timed out");
        _started.ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        _started.ShouldBe([1]);
    });

    [Fact]
    public void DefaultTimeout_AppliesToCallsWithoutOne() => Inline.Run(() =>
    {
        _network.DefaultTimeout = TimeSpan.FromSeconds(2);
        _network.Isolate("b");
        _network.Heal();
        var slow = new List<int>();
        RegisterEcho(_network, _clock, "s", slow, TimeSpan.FromSeconds(3));
        var call = _network.CallAsync<Ping, Pong>("a", "s", new Ping(1));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Outcome(call).ShouldBe("Indefinite");
    });

    [Fact]
    public void Duplicates_RunTheHandlerTwice_TheCallerGetsOneAnswer() => Inline.Run(() =>
    {
        _network.SetLinkFaults("a", "b", new LinkFaults(DuplicateRate: 1, Delay: TimeSpan.FromMilliseconds(10)));
        var call = _network.CallAsync<Ping, Pong>("a", "b", new Ping(1));
        _clock.Advance(TimeSpan.FromMilliseconds(20));
        Outcome(call).ShouldBe("ok");
        _started.ShouldBe([1, 1]);
        _network.InFlight.ShouldBe(1); // the copy's answer is still on its way back, to nobody
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        _network.InFlight.ShouldBe(0);
    });

    [Fact]
    public void CertainDropRates_FailEveryCallTheirWay() => Inline.Run(() =>
    {
        _network.SetLinkFaults("a", "b", new LinkFaults(RequestDropRate: 1));
        _network.SetLinkFaults("c", "b", new LinkFaults(ResponseDropRate: 1));
        Outcome(_network.CallAsync<Ping, Pong>("a", "b", new Ping(1))).ShouldBe("Definite");
        Outcome(_network.CallAsync<Ping, Pong>("c", "b", new Ping(2))).ShouldBe("Indefinite");
        _started.ShouldBe([2]);
        _network.ClearFaults();
        Outcome(_network.CallAsync<Ping, Pong>("a", "b", new Ping(3))).ShouldBe("ok");
    });

    [Fact]
    public void HandlerException_ReachesTheCallerUnchanged() => Inline.Run(() =>
    {
        _network.Register<Ping, Pong>("e", (_, _) => Task.FromException<Pong>(new InvalidDataException("bad ping")));
        var call = _network.CallAsync<Ping, Pong>("a", "e", new Ping(1));
        call.Exception!.InnerException.ShouldBeOfType<InvalidDataException>().Message.ShouldBe("bad ping");
    });

    [Fact]
    public void CallerCancellation_CancelsTheWait() => Inline.Run(() =>
    {
        _network.SetLinkFaults("a", "b", new LinkFaults(Delay: TimeSpan.FromSeconds(1)));
        using var cancel = new CancellationTokenSource();
        var call = _network.CallAsync<Ping, Pong>("a", "b", new Ping(1), cancel.Token);
        cancel.Cancel();
        Outcome(call).ShouldBe("canceled");
    });

    [Fact]
    public void InvalidFaults_AreRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => _network.SetLinkFaults("a", "b", new LinkFaults(RequestDropRate: 1.5)));
        Should.Throw<ArgumentOutOfRangeException>(() => _network.DefaultLinkFaults = new LinkFaults(Delay: TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void SameSeedAndCalls_GiveTheSameOutcomes() => Inline.Run(() =>
    {
        Transcript(seed: 42).ShouldBe(Transcript(seed: 42));
        Transcript(seed: 42).ShouldNotBe(Transcript(seed: 43));
    });

    /// <summary>Forty calls over a lossy, jittery, duplicating link, as (outcome, handler starts) text.</summary>
    private static string Transcript(int seed)
    {
        var clock = new SimulatedClock();
        var network = new SimNetwork(clock, new Random(seed))
        {
            DefaultLinkFaults = new LinkFaults(0.2, 0.2, 0.2, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10)),
        };
        var started = new List<int>();
        RegisterEcho(network, clock, "b", started, TimeSpan.FromMilliseconds(3));
        var calls = Enumerable.Range(0, 40).Select(i => network.CallAsync<Ping, Pong>("a", "b", new Ping(i))).ToList();
        clock.Advance(TimeSpan.FromSeconds(1));
        return string.Join(",", calls.Select(Outcome)) + " | " + string.Join(",", started);
    }
}
