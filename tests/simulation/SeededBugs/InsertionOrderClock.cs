namespace Verified.Simulation.Tests.SeededBugs;

/// <summary>
/// Seeded bug: a manual clock that, when advanced, fires the due timers in the order they were created and with
/// the clock already at the target — an easy way to write a fake clock, and wrong. The timer-order property must
/// catch it.
/// </summary>
public sealed class InsertionOrderClock : TimeProvider
{
    private readonly List<Timer> _timers = [];
    private DateTimeOffset _now = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock forward and fires what is due, creation order first.</summary>
    public void Advance(TimeSpan delta)
    {
        _now += delta;
        foreach (var timer in _timers.Where(t => t.Due is { } due && due <= _now).ToList())
        {
            timer.Due = null;
            timer.Fire();
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(callback, state) { Due = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime };
        _timers.Add(timer);
        return timer;
    }

    private sealed class Timer(TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException();

        public void Dispose() => Due = null;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
