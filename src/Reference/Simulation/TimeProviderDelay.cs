namespace Verified.Reference.Simulation;

/// <summary>Waiting on an injected clock.</summary>
/// <remarks>
/// Simulation code waits with <see cref="DelayAsync"/>, never <c>Task.Delay</c>: a wall-clock delay breaks
/// determinism, and Coyote 1.7.11 does not intercept the <c>Task.Delay(TimeSpan, TimeProvider)</c> overload.
/// This helper is a timer from the provider completing a <see cref="TaskCompletionSource"/>, which Coyote controls.
/// The completion source runs continuations synchronously, so when a <see cref="SimulatedClock"/> is advanced from a
/// thread without a SynchronizationContext (a simulation driver, Coyote), everything a timer wakes (awaited with
/// <c>ConfigureAwait(false)</c>) has run up to its next wait when the advance returns. (.NET never inlines a
/// continuation on a thread that has a context, such as xunit's: there the continuations are queued instead.)
/// </remarks>
public static class TimeProviderDelay
{
    /// <summary>Completes once <paramref name="delay"/> has passed on <paramref name="time"/>; zero completes at once.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative and not infinite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static Task DelayAsync(this TimeProvider time, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (delay < TimeSpan.Zero && delay != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "must be non-negative or Timeout.InfiniteTimeSpan");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        return delay == TimeSpan.Zero ? Task.CompletedTask : WaitAsync(time, delay, cancellationToken);
    }

    private static async Task WaitAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource();
        using var timer = time.CreateTimer(static s => ((TaskCompletionSource)s!).TrySetResult(), done, delay, Timeout.InfiniteTimeSpan);
        using var registration = cancellationToken.Register(static (s, token) => ((TaskCompletionSource)s!).TrySetCanceled(token), done);
        await done.Task.ConfigureAwait(false);
    }
}
