namespace Verified.Reference.Simulation;

public sealed partial class SimulatedClock
{
    /// <summary>A timer of this clock; its due time and sequence are guarded by the clock's lock.</summary>
    private sealed class Timer(SimulatedClock clock, TimerCallback callback, object? state) : ITimer
    {
        public long DueTicks { get; private set; }

        /// <summary>Scheduling order: breaks ties between timers due at the same instant.</summary>
        public long Sequence { get; private set; }

        /// <summary>0 for a one-shot timer.</summary>
        public long PeriodTicks { get; set; }

        /// <summary>Set under the clock's lock; a disposed timer is never scheduled again.</summary>
        public bool Disposed { get; set; }

        public void Schedule(long dueTicks, long sequence)
        {
            DueTicks = dueTicks;
            Sequence = sequence;
        }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => clock.Reschedule(this, dueTime, period);

        public void Dispose() => clock.Retire(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Due time, then scheduling order: a total order, so the sorted set never merges two timers.</summary>
    private sealed class TimerOrder : IComparer<Timer>
    {
        public static TimerOrder Instance { get; } = new();

        public int Compare(Timer? x, Timer? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            var byDue = x!.DueTicks.CompareTo(y!.DueTicks);
            return byDue != 0 ? byDue : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
