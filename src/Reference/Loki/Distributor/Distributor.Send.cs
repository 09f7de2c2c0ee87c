using System.Collections.Immutable;
using Verified.Reference.Loki.Push;
using Verified.Reference.Loki.Ring;
using Verified.Reference.Simulation;

namespace Verified.Reference.Loki.Distributor;

/// <summary>Ring lookups, the per-ingester batches and the quorum tracking (LOKI.md §3 steps 8–9).</summary>
public sealed partial class Distributor
{
    /// <summary>
    /// <c>Get(token, WriteNoExtend)</c> per stream on the current ring (the spec names the operation); the first
    /// error fails the request with dskit's text, before anything is sent.
    /// </summary>
    private List<(IngesterStream Stream, ReplicationSet Set)> Plan(List<IngesterStream> streams, out string? error)
    {
        error = null;
        var ring = _ring();
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var plan = new List<(IngesterStream, ReplicationSet)>(streams.Count);
        foreach (var stream in streams)
        {
            var set = ring.Get(stream.Token, _spec.DistributorOperation, now);
            if (set.Error is not null)
            {
                error = set.Error;
                return [];
            }

            plan.Add((stream, set));
        }

        return plan;
    }

    /// <summary>
    /// Sends one batch per ingester address holding every stream it replicates, all at once, and answers when
    /// every stream reached quorum or one went past its failures. The sends run detached from the caller: they
    /// are never cancelled, and outlive the answer (<see cref="WhenSendsCompleteAsync"/>).
    /// </summary>
    private async Task<PushResult> SendAsync(string tenant, List<(IngesterStream Stream, ReplicationSet Set)> plan, PushResponse answer, CancellationToken cancellationToken)
    {
        var ackAfterOne = (_faults & DistributorFaults.AckAfterFirstSuccess) != 0;
        var batches = new Dictionary<string, List<StreamTracker>>(StringComparer.Ordinal);
        var addresses = new List<string>();
        foreach (var (stream, set) in plan)
        {
            var tracker = new StreamTracker(stream, ackAfterOne ? 1 : set.MinSuccess, set.MaxErrors);
            foreach (var instance in set.Instances)
            {
                if (!batches.TryGetValue(instance.Addr, out var batch))
                {
                    batches[instance.Addr] = batch = [];
                    addresses.Add(instance.Addr);
                }

                batch.Add(tracker);
            }
        }

        var push = new PushTracker(plan.Count);
        var sends = new List<Task>(addresses.Count);
        foreach (var address in addresses)
        {
            if ((_faults & DistributorFaults.SkipSendsAfterAnswer) != 0 && push.IsAnswered)
            {
                continue;
            }

            sends.Add(SendBatchAsync(address, tenant, batches[address], push));
        }

        var all = Task.WhenAll(sends);
        Remember(all);
        var written = plan.Select(p => p.Stream).ToImmutableArray();
        try
        {
            // An array, not a collection expression: C# 13 would bind that to the params ReadOnlySpan overload, which
            // Coyote does not control.
            await Task.WhenAny(new Task[] { push.Answer, all }).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Loki returns ctx.Err() to a caller that went away; the sends go on.
            return new PushResult(new PushResponse(500, ValidationMessages.ContextCanceled), PushOutcome.Indefinite, written);
        }

        if (!push.IsAnswered)
        {
            // Every call ended, yet some stream neither reached quorum nor failed: impossible unless the tracking
            // is broken (a seeded bug). Loki would wait for the client to give up; we answer instead of hanging.
            return new PushResult(new PushResponse(500, ValidationMessages.TrackingIncomplete), PushOutcome.Indefinite, written);
        }

        var failure = await push.Answer.ConfigureAwait(false);
        if (failure is not null)
        {
            return new PushResult(failure, PushOutcome.Indefinite, written);
        }

        return new PushResult(answer, answer.IsSuccess ? PushOutcome.Acknowledged : PushOutcome.PartiallyAcknowledged, written);
    }

    /// <summary>
    /// One ingester call under the remote timeout (on the injected clock), then sendStreams' accounting: an error
    /// — a non-2xx answer, no answer, or the timeout — counts against every stream of the batch
    /// (<see cref="DistributorFlaw.BatchErrorCountsAgainstEveryStream"/>).
    /// </summary>
    private async Task SendBatchAsync(string address, string tenant, List<StreamTracker> batch, PushTracker push)
    {
        var request = new IngesterPushRequest(tenant, batch.Select(t => t.Stream).ToImmutableArray());
        PushResponse? error;
        using (var timeout = new CancellationTokenSource(_config.RemoteTimeout, _time))
        {
            try
            {
                var response = await _ingesters.PushAsync(address, request, timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
                error = response.IsSuccess ? null : new PushResponse(response.StatusCode, response.Body);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                error = new PushResponse(500, ValidationMessages.DeadlineExceeded);
            }
            catch (RemoteCallException e)
            {
                error = new PushResponse(500, e.Message);
            }
#pragma warning disable CA1031 // Any other client error is a failed call, as any non-httpgrpc error is a 500 in Loki.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = new PushResponse(500, e.Message);
            }
        }

        var counted = error is not null && (_faults & DistributorFaults.FailureCountsAgainstFirstStreamOnly) != 0 ? batch.Take(1) : batch;
        foreach (var stream in counted)
        {
            if (error is null)
            {
                if (stream.Succeed())
                {
                    push.StreamDone();
                }
            }
            else if (stream.Fail())
            {
                push.StreamFailed(error);
            }
        }
    }

    private void Remember(Task sends)
    {
        lock (_sendsLock)
        {
            _sends.RemoveAll(t => t.IsCompleted);
            _sends.Add(sends);
        }
    }
}
