using Shouldly;
using Verified.Reference.Simulation;
using Xunit;

namespace Verified.Simulation.Tests;

/// <summary>DelayAsync waits on the injected clock, never on wall time.</summary>
public sealed class TimeProviderDelayTests
{
    [Fact]
    public void Delay_CompletesExactlyWhenTheClockReachesIt() => Inline.Run(() =>
    {
        var clock = new SimulatedClock();
        var delay = clock.DelayAsync(TimeSpan.FromMinutes(10));
        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        delay.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromTicks(1));
        delay.IsCompletedSuccessfully.ShouldBeTrue();
        clock.PendingTimers.ShouldBe(0);
    });

    [Fact]
    public void ZeroDelay_CompletesAtOnce()
    {
        new SimulatedClock().DelayAsync(TimeSpan.Zero).IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Cancellation_CancelsTheWaitAndItsTimer()
    {
        var clock = new SimulatedClock();
        using var cancel = new CancellationTokenSource();
        var delay = clock.DelayAsync(Timeout.InfiniteTimeSpan, cancel.Token);
        clock.PendingTimers.ShouldBe(0); // an infinite delay schedules nothing
        var finite = clock.DelayAsync(TimeSpan.FromSeconds(1), cancel.Token);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(delay);
        await Should.ThrowAsync<OperationCanceledException>(finite);
        clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public void ContinuationsRunInsideTheAdvance_InDueOrder() => Inline.Run(() =>
    {
        var clock = new SimulatedClock();
        var order = new List<int>();
        _ = WaitThenRecord(clock, TimeSpan.FromSeconds(2), 2, order);
        _ = WaitThenRecord(clock, TimeSpan.FromSeconds(1), 1, order);
        clock.Advance(TimeSpan.FromSeconds(3));
        order.ShouldBe([1, 2]);
    });

    [Fact]
    public void NegativeDelay_IsRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new SimulatedClock().DelayAsync(TimeSpan.FromSeconds(-1)));
    }

    private static async Task WaitThenRecord(TimeProvider clock, TimeSpan delay, int id, List<int> order)
    {
        await clock.DelayAsync(delay).ConfigureAwait(false);
        order.Add(id);
    }
}
