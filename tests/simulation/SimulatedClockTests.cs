using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Reference.Simulation;
using Verified.Simulation.Tests.SeededBugs;
using Xunit;

namespace Verified.Simulation.Tests;

/// <summary>SimulatedClock: time moves only when told; timers fire in due-time order, at their due time.</summary>
public sealed class SimulatedClockTests
{
    /// <summary>A script step: create a timer due in DueMs, or advance by AdvanceMs.</summary>
    public sealed record ClockStep(bool Create, int Ms);

    private static readonly Gen<ClockStep[]> Scripts =
        Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(0, 40).Select(ms => new ClockStep(true, ms))), (2, Gen.Choose(0, 25).Select(ms => new ClockStep(false, ms)))));

    [Fact]
    public void TimersFireInDueOrder_NotCreationOrder_AndSeeTheirDueTime()
    {
        var clock = new SimulatedClock();
        var start = clock.GetUtcNow();
        var fired = new List<(string Name, TimeSpan At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow() - start)), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow() - start)), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var tieA = clock.CreateTimer(_ => fired.Add(("tieA", clock.GetUtcNow() - start)), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var tieB = clock.CreateTimer(_ => fired.Add(("tieB", clock.GetUtcNow() - start)), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        fired.ShouldBeEmpty();
        clock.Advance(TimeSpan.FromSeconds(5));

        fired.ShouldBe([("early", TimeSpan.FromSeconds(1)), ("tieA", TimeSpan.FromSeconds(2)), ("tieB", TimeSpan.FromSeconds(2)), ("late", TimeSpan.FromSeconds(3))]);
        (clock.GetUtcNow() - start).ShouldBe(TimeSpan.FromMilliseconds(5999));
    }

    [Fact]
    public void PeriodicTimer_FiresOncePerPeriodInsideOneAdvance()
    {
        var clock = new SimulatedClock(DateTimeOffset.UnixEpoch);
        var at = new List<long>();
        using var timer = clock.CreateTimer(_ => at.Add(clock.GetUtcNow().ToUnixTimeMilliseconds()), null, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        at.ShouldBe([10L, 40L, 70L, 100L]);
    }

    [Fact]
    public void TimerCreatedByACallback_FiresInTheSameAdvanceWhenDueInsideIt()
    {
        var clock = new SimulatedClock(DateTimeOffset.UnixEpoch);
        var at = new List<long>();
        ITimer? second = null;
        using var first = clock.CreateTimer(
            _ =>
            {
                at.Add(clock.GetUtcNow().ToUnixTimeMilliseconds());
                second = clock.CreateTimer(_ => at.Add(clock.GetUtcNow().ToUnixTimeMilliseconds()), null, TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromMilliseconds(10),
            Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMilliseconds(20));
        at.ShouldBe([10L, 15L]);
        second!.Dispose();
    }

    [Fact]
    public void ChangeAndDispose_RescheduleAndCancel()
    {
        var clock = new SimulatedClock();
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan).ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(5));
        fired.ShouldBe(0);
        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(10));
        fired.ShouldBe(0);
        timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan).ShouldBeFalse();
        clock.PendingTimers.ShouldBe(0);
    }

    [Fact]
    public void TimerDueNow_FiresOnTheNextAdvance_EvenByZero()
    {
        var clock = new SimulatedClock();
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        fired.ShouldBe(0);
        clock.Advance(TimeSpan.Zero);
        fired.ShouldBe(1);
    }

    [Fact]
    public void AdvanceToNextTimer_JumpsToTheEarliestDueTime()
    {
        var clock = new SimulatedClock(DateTimeOffset.UnixEpoch);
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);
        clock.NextDue.ShouldBe(DateTimeOffset.UnixEpoch.AddMinutes(30));
        clock.AdvanceToNextTimer().ShouldBeTrue();
        clock.GetUtcNow().ShouldBe(DateTimeOffset.UnixEpoch.AddMinutes(30));
        clock.AdvanceToNextTimer().ShouldBeFalse();
    }

    [Fact]
    public void TimeNeverGoesBack_AndAdvancingFromACallbackIsRefused()
    {
        var clock = new SimulatedClock(DateTimeOffset.UnixEpoch.AddDays(1));
        Should.Throw<ArgumentOutOfRangeException>(() => clock.SetUtcNow(DateTimeOffset.UnixEpoch));
        Should.Throw<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Exception? nested = null;
        using var timer = clock.CreateTimer(_ => nested = Record.Exception(() => clock.Advance(TimeSpan.FromSeconds(1))), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(2));
        nested.ShouldBeOfType<InvalidOperationException>();
    }

    [Fact]
    public void ElapsedTime_IsExactInTicks()
    {
        var clock = new SimulatedClock();
        var start = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromTicks(12_345_678));
        clock.GetElapsedTime(start).ShouldBe(TimeSpan.FromTicks(12_345_678));
        clock.LocalTimeZone.ShouldBe(TimeZoneInfo.Utc);
    }

    [Fact]
    public void TimersFireInDueThenCreationOrder_AtTheirDueTime() =>
        PropertyChecks.ShouldHold(FiresLikeTheModel(() =>
        {
            var clock = new SimulatedClock(DateTimeOffset.UnixEpoch);
            return (clock, clock.Advance);
        }));

    [Fact]
    public void InsertionOrderClock_IsCaughtByTheOrderProperty() =>
        PropertyChecks.ShouldCatch(FiresLikeTheModel(() =>
        {
            var clock = new InsertionOrderClock();
            return (clock, clock.Advance);
        }));

    /// <summary>
    /// Runs a script of timer creations and advances, then compares the firings with an obviously correct model:
    /// a list of (due, creation number), fired in sorted order whenever the clock passes them.
    /// </summary>
    private static Property FiresLikeTheModel(Func<(TimeProvider Clock, Action<TimeSpan> Advance)> factory) =>
        Prop.ForAll(Scripts.ToArbitrary(), script =>
        {
            var (clock, advance) = factory();
            var start = clock.GetUtcNow();
            var fired = new List<(int Id, long AtMs)>();
            var expected = new List<(int Id, long AtMs)>();
            var pending = new List<(long DueMs, int Id)>();
            var nowMs = 0L;
            var timers = new List<ITimer>();
            void ModelAdvance(long toMs)
            {
                foreach (var t in pending.Where(t => t.DueMs <= toMs).OrderBy(t => t.DueMs).ThenBy(t => t.Id).ToList())
                {
                    expected.Add((t.Id, t.DueMs));
                    pending.Remove(t);
                }

                nowMs = toMs;
            }

            foreach (var step in script.Append(new ClockStep(false, 1000)))
            {
                if (step.Create)
                {
                    var id = timers.Count;
                    pending.Add((nowMs + step.Ms, id));
                    timers.Add(clock.CreateTimer(_ => fired.Add((id, (long)(clock.GetUtcNow() - start).TotalMilliseconds)), null, TimeSpan.FromMilliseconds(step.Ms), Timeout.InfiniteTimeSpan));
                }
                else
                {
                    advance(TimeSpan.FromMilliseconds(step.Ms));
                    ModelAdvance(nowMs + step.Ms);
                }
            }

            return fired.SequenceEqual(expected);
        });
}
