using Verified.Reference.Simulation;

namespace Verified.Reference.Loki.Ingester;

public sealed partial class Ingester
{
    /// <summary>
    /// The background work on the injected clock until <paramref name="cancellationToken"/> is cancelled, the
    /// ingester stops, or it crashes: a flush pass every <c>flush_check_period</c> (the first after a random delay
    /// of up to 0.8 periods, as Loki spreads ingesters started together), a pass whenever a retry falls due, and a
    /// checkpoint every <c>checkpoint_duration</c> (a failed checkpoint is tried again next period).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfCrashed();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _alive.Token, _stopping.Token);
        var token = linked.Token;
        var time = _deps.Time;
        var start = time.GetUtcNow();
        var jitter = await UnderMemoryAsync(_ => TimeSpan.FromTicks(_deps.Random.NextInt64((long)(Config.FlushCheckPeriod.Ticks * 0.8))), token).ConfigureAwait(false);
        var nextFlush = start + jitter;
        var nextCheckpoint = start + Config.WalCheckpointDuration;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                if (now >= nextFlush || NextFlushRetry <= now)
                {
                    await FlushAsync(token).ConfigureAwait(false);
                    if (now >= nextFlush)
                    {
                        nextFlush = now + Config.FlushCheckPeriod;
                    }
                }

                if (now >= nextCheckpoint)
                {
                    try
                    {
                        await CheckpointAsync(token).ConfigureAwait(false);
                    }
                    catch (IOException)
                    {
                        // Loki logs the failure and tries again at the next tick; the old checkpoint and segments remain.
                    }

                    nextCheckpoint = now + Config.WalCheckpointDuration;
                }

                var wake = nextFlush < nextCheckpoint ? nextFlush : nextCheckpoint;
                if (NextFlushRetry is { } retry && retry < wake)
                {
                    wake = retry;
                }

                var wait = wake - time.GetUtcNow();
                await time.DelayAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped, crashed or cancelled: the loop simply ends.
        }
        catch (RemoteCallException) when (_crashed)
        {
        }
    }
}
