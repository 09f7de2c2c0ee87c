namespace Verified.Reference.Simulation;

/// <summary>
/// A manual <see cref="TimeProvider"/>: time moves only when <see cref="Advance"/> or <see cref="SetUtcNow"/> is
/// called, and timers made by <see cref="CreateTimer"/> fire then, one at a time, in due-time order (ties in the
/// order they were scheduled), each with the clock reading exactly its due time.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.TimeProvider.Testing's FakeTimeProvider has the same surface and ordering; this class
/// exists so that src/Reference needs no test-only package. Callbacks run on the caller's thread, outside the
/// clock's lock, so a callback may create, change or dispose timers; a timer it schedules inside the window being
/// advanced fires in the same call. Time never goes backwards, and advancing from inside a callback is refused
/// (the outer advance would otherwise move the clock back to its own target).
/// </remarks>
public sealed partial class SimulatedClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly SortedSet<Timer> _scheduled = new(TimerOrder.Instance);
    private long _nowTicks;
    private long _nextSequence;
    private bool _advancing;

    /// <summary>A clock at <see cref="DefaultStart"/>.</summary>
    public SimulatedClock()
        : this(DefaultStart)
    {
    }

    /// <summary>A clock at <paramref name="start"/> (converted to UTC).</summary>
    public SimulatedClock(DateTimeOffset start) => _nowTicks = start.UtcTicks;

    /// <summary>2000-01-01T00:00:00Z, FakeTimeProvider's default, so either clock starts at the same instant.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>UTC, so local-time formatting never depends on the machine.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>One timestamp unit is one tick, so <see cref="TimeProvider.GetElapsedTime(long)"/> is exact.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _scheduled.Count;
            }
        }
    }

    /// <summary>When the earliest pending timer is due, or null when none is.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _scheduled.Count == 0 ? null : new DateTimeOffset(_scheduled.Min!.DueTicks, TimeSpan.Zero);
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return new DateTimeOffset(_nowTicks, TimeSpan.Zero);
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _nowTicks;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer due on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>Moves the clock to the earliest pending timer and fires the timers due then; false when none is pending.</summary>
    public bool AdvanceToNextTimer()
    {
        var next = NextDue;
        if (next is null)
        {
            return false;
        }

        SetUtcNow(next.Value);
        return true;
    }

    /// <summary>Sets the clock to <paramref name="value"/>, firing every timer due up to and including it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is before the current time.</exception>
    /// <exception cref="InvalidOperationException">Called from a timer callback, or while another advance runs.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        var target = value.UtcTicks;
        lock (_gate)
        {
            if (target < _nowTicks)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"cannot go back in time: the clock reads {new DateTimeOffset(_nowTicks, TimeSpan.Zero):O}");
            }

            if (_advancing)
            {
                throw new InvalidOperationException("the clock is already being advanced (from a timer callback or another thread)");
            }

            _advancing = true;
        }

        try
        {
            while (TakeDue(target) is { } timer)
            {
                timer.Fire();
            }
        }
        finally
        {
            lock (_gate)
            {
                _nowTicks = target;
                _advancing = false;
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Removes and returns the earliest timer due at or before <paramref name="target"/>, moving the clock to its due time.</summary>
    private Timer? TakeDue(long target)
    {
        lock (_gate)
        {
            if (_scheduled.Count == 0 || _scheduled.Min!.DueTicks > target)
            {
                return null;
            }

            var timer = _scheduled.Min;
            _scheduled.Remove(timer);
            _nowTicks = timer.DueTicks;
            if (timer.PeriodTicks > 0 && !timer.Disposed)
            {
                // Periodic: the next firing is one period after this due time, not after "now", so none is skipped.
                timer.Schedule(timer.DueTicks + timer.PeriodTicks, _nextSequence++);
                _scheduled.Add(timer);
            }

            return timer;
        }
    }

    private bool Reschedule(Timer timer, TimeSpan dueTime, TimeSpan period)
    {
        ValidateSpan(dueTime, nameof(dueTime));
        ValidateSpan(period, nameof(period));
        lock (_gate)
        {
            _scheduled.Remove(timer);
            if (timer.Disposed)
            {
                return false;
            }

            var periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            timer.PeriodTicks = periodTicks;
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.Schedule(_nowTicks + dueTime.Ticks, _nextSequence++);
                _scheduled.Add(timer);
            }

            return true;
        }
    }

    private void Retire(Timer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            _scheduled.Remove(timer);
        }
    }

    private static void ValidateSpan(TimeSpan span, string name)
    {
        if (span < TimeSpan.Zero && span != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, span, "must be non-negative or Timeout.InfiniteTimeSpan");
        }
    }
}
