namespace Verified.Reference.Simulation;

public sealed partial class SimNetwork
{
    /// <summary>Calls <paramref name="to"/>'s handler with <see cref="DefaultTimeout"/>.</summary>
    /// <exception cref="RemoteCallException">No answer; <see cref="RemoteCallException.Failure"/> says whether the handler may have run.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the request may still be delivered).</exception>
    public Task<TResponse> CallAsync<TRequest, TResponse>(string from, string to, TRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<TRequest, TResponse>(from, to, request, DefaultTimeout, cancellationToken);

    /// <summary>Calls <paramref name="to"/>'s handler, failing indefinite when <paramref name="timeout"/> (on the network's clock) passes first.</summary>
    /// <exception cref="RemoteCallException">No answer; <see cref="RemoteCallException.Failure"/> says whether the handler may have run.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the request may still be delivered).</exception>
    public async Task<TResponse> CallAsync<TRequest, TResponse>(string from, string to, TRequest request, TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        if (timeout is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var call = new PendingCall<TResponse>(discarded: false);
        CallPlan plan;
        int callerIncarnation;
        lock (_gate)
        {
            var caller = NodeLocked(from);
            NodeLocked(to);
            plan = PlanLocked(from, to);
            if (!caller.Up)
            {
                throw new RemoteCallException($"node {from} is down and cannot call {to}", CallFailure.Definite);
            }

            callerIncarnation = caller.Incarnation;
            caller.Waiting.Add(call);
        }

        _ = DeliverAsync(call, from, to, request, plan, callerIncarnation);

        using var timer = timeout is { } due
            ? _time.CreateTimer(_ => call.Fail(CallFailure.Indefinite, $"call {from} → {to} timed out after {due}"), null, due, Timeout.InfiniteTimeSpan)
            : null;
        using var registration = cancellationToken.Register(static (s, token) => ((PendingCall<TResponse>)s!).Cancel(token), call);
        try
        {
            return await call.Task.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                NodeLocked(from).Waiting.Remove(call);
            }
        }
    }

    /// <summary>
    /// Draws this call's fate: always five numbers, in a fixed order, so changing one fault never shifts the
    /// draws of another and a seed replays a run whatever the faults were.
    /// </summary>
    private CallPlan PlanLocked(string from, string to)
    {
        var link = LinkLocked(from, to);
        var dropRequest = _random.NextDouble() < link.RequestDropRate;
        var dropResponse = _random.NextDouble() < link.ResponseDropRate;
        var duplicate = _random.NextDouble() < link.DuplicateRate;
        var requestDelay = link.Delay + (link.Jitter * _random.NextDouble());
        var responseDelay = link.Delay + (link.Jitter * _random.NextDouble());
        return new CallPlan(dropRequest, dropResponse, duplicate, requestDelay, responseDelay);
    }

    private async Task DeliverAsync<TRequest, TResponse>(PendingCall<TResponse> call, string from, string to, TRequest request, CallPlan plan, int callerIncarnation)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await _time.DelayAsync(plan.RequestDelay).ConfigureAwait(false);
            Func<TRequest, CancellationToken, Task<TResponse>>? handler = null;
            SimNode? callee;
            int incarnation;
            CancellationToken lifetime;
            string? refusal;
            lock (_gate)
            {
                callee = NodeLocked(to);
                incarnation = callee.Incarnation;
                lifetime = callee.Lifetime.Token;
                refusal = RefusalLocked(callee, from, to, plan);
                if (refusal is null && callee.Handlers.TryGetValue((typeof(TRequest), typeof(TResponse)), out var registered))
                {
                    handler = (Func<TRequest, CancellationToken, Task<TResponse>>)registered;
                    callee.Serving.Add(call);
                }

                refusal ??= handler is null ? $"node {to} has no handler for {typeof(TRequest).Name} → {typeof(TResponse).Name}" : null;
            }

            if (handler is null)
            {
                call.Fail(CallFailure.Definite, refusal!);
                return;
            }

            TResponse? response = default;
            Exception? error = null;
            try
            {
                var handling = handler(request, lifetime);
                if (plan.Duplicate)
                {
                    // The copy is sent only once the original got through, so a definite failure stays definite. It
                    // trails the original by one more request latency and its answer goes nowhere.
                    var copy = plan with { Duplicate = false, DropRequest = false };
                    _ = DeliverAsync(new PendingCall<TResponse>(discarded: true), from, to, request, copy, callerIncarnation);
                }

                response = await handling.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Any exception is the remote's answer: it is handed to the caller unless the answer is lost.
                error = e;
            }

            string? loss;
            lock (_gate)
            {
                callee.Serving.Remove(call);
                loss = LossLocked(callee, incarnation, from, to, plan, callerIncarnation);
            }

            if (loss is not null)
            {
                call.Fail(_bug == NetworkBug.DroppedResponseIsDefinite ? CallFailure.Definite : CallFailure.Indefinite, loss);
                return;
            }

            await _time.DelayAsync(plan.ResponseDelay).ConfigureAwait(false);
            if (error is not null)
            {
                call.Throw(error);
            }
            else
            {
                call.Answer(response!);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Why the request does not reach a handler (a definite failure), or null when it does.</summary>
    private string? RefusalLocked(SimNode callee, string from, string to, CallPlan plan)
    {
        if (!callee.Up)
        {
            return $"node {to} is down";
        }

        if (!CanReachLocked(from, to))
        {
            return $"node {from} cannot reach {to}: partitioned";
        }

        if (plan.DropRequest || TakeOneShotLocked(_dropRequests, from, to))
        {
            return $"request {from} → {to} dropped";
        }

        return null;
    }

    /// <summary>Why the handler's answer does not get back (an indefinite failure), or null when it does.</summary>
    private string? LossLocked(SimNode callee, int incarnation, string from, string to, CallPlan plan, int callerIncarnation)
    {
        if (!callee.Up || callee.Incarnation != incarnation)
        {
            return $"node {to} crashed while handling the call";
        }

        var caller = NodeLocked(from);
        if (!caller.Up || caller.Incarnation != callerIncarnation)
        {
            return $"node {from} crashed while waiting for the answer";
        }

        if (!CanReachLocked(to, from))
        {
            return $"response {to} → {from} lost: partitioned";
        }

        return plan.DropResponse || TakeOneShotLocked(_dropResponses, from, to) ? $"response {to} → {from} dropped" : null;
    }

    /// <summary>One call's fate, drawn when it is made.</summary>
    private readonly record struct CallPlan(bool DropRequest, bool DropResponse, bool Duplicate, TimeSpan RequestDelay, TimeSpan ResponseDelay);
}
