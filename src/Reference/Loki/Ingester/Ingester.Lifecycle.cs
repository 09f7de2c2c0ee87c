using Verified.Reference.Loki.Ring;
using Verified.Reference.Simulation;

namespace Verified.Reference.Loki.Ingester;

public sealed partial class Ingester
{
    /// <summary>
    /// Starts the ingester: REPLAYING (checkpoint, then segments; window and stream limits off), then JOINING —
    /// only now is <see cref="IngesterDependencies.JoinRingAsync"/> called, so the instance joins the ring after
    /// its replay as Loki's does — then RUNNING. A failed replay or join leaves it FAILED and rethrows.
    /// </summary>
    /// <exception cref="InvalidTransitionException">Not in NEW.</exception>
    /// <exception cref="RemoteCallException">The ingester has crashed, or crashed while starting.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfCrashed();
        _lifecycle.ChangeTo(IngesterStates.Replaying);
        using var linked = Link(cancellationToken);
        try
        {
            LastReplay = await ReplayAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!_crashed)
        {
            _lifecycle.ChangeTo(IngesterStates.Failed);
            if (e is FormatException or ArgumentOutOfRangeException)
            {
                throw new InvalidDataException($"WAL replay failed: {e.Message}", e);
            }

            throw;
        }
        catch (OperationCanceledException)
        {
            throw Interrupted("the WAL replay");
        }

        _lifecycle.ChangeTo(IngesterStates.Joining);
        try
        {
            if (_deps.JoinRingAsync is { } join)
            {
                await join(linked.Token).ConfigureAwait(false);
            }
        }
        catch (Exception) when (!_crashed)
        {
            _lifecycle.ChangeTo(IngesterStates.Failed);
            throw;
        }

        ThrowIfCrashed();
        _lifecycle.ChangeTo(IngesterStates.Running);
    }

    /// <summary>
    /// Graceful stop: STOPPING (pushes now get <c>Ingester is shutting down</c>; <see cref="RunAsync"/> ends), leave
    /// the ring, run one forced flush pass when <c>flush_on_shutdown</c> is set (or a WAL write hit ENOSPC, as in
    /// Loki; chunks whose flush fails stay in the WAL for the next start), then STOPPED. The WAL needs no final
    /// write: every acknowledged record is already synced.
    /// </summary>
    /// <exception cref="InvalidTransitionException">Not RUNNING.</exception>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfCrashed();
        _lifecycle.ChangeTo(IngesterStates.Stopping);
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_deps.LeaveRingAsync is { } leave)
        {
            await leave(cancellationToken).ConfigureAwait(false);
        }

        if (_flushOnShutdown)
        {
            await FlushAllAsync(cancellationToken).ConfigureAwait(false);
        }

        _lifecycle.ChangeTo(IngesterStates.Stopped);
    }
}
