namespace Verified.Reference.Loki.Frontend;

public sealed partial class Scheduler
{
    /// <summary>Hands queued requests to free queriers until none can take one; re-entrant calls fold into the running one.</summary>
    private void Pump()
    {
        lock (_gate)
        {
            if (_pumping)
            {
                _pumpAgain = true;
                return;
            }

            _pumping = true;
        }

        while (true)
        {
            List<(Querier Querier, Pending Pending)> batch;
            lock (_gate)
            {
                batch = Assign();
                if (batch.Count == 0 && !_pumpAgain)
                {
                    _pumping = false;
                    return;
                }

                _pumpAgain = false;
            }

            foreach (var (querier, pending) in batch)
            {
                _ = RunAsync(querier, pending);
            }
        }
    }

    /// <summary>Under the lock: free queriers take one request each, in the order they were added, until none can.</summary>
    private List<(Querier Querier, Pending Pending)> Assign()
    {
        var batch = new List<(Querier, Pending)>();
        bool progress;
        do
        {
            progress = false;
            foreach (var querier in _queriers)
            {
                if (querier.InFlight < querier.MaxConcurrent && NextFor(querier) is { } pending)
                {
                    querier.InFlight++;
                    _dispatches.Add(new SchedulerDispatch(querier.Id, pending.Request));
                    batch.Add((querier, pending));
                    progress = true;
                }
            }
        }
        while (progress);

        return batch;
    }

    /// <summary>The first queued request of the next non-empty tenant after the one this querier served last.</summary>
    private Pending? NextFor(Querier querier)
    {
        var count = _tenants.Count;
        for (var step = 1; step <= count; step++)
        {
            var index = (querier.LastTenantIndex + step) % count;
            var queue = _queues[_tenants[index]];
            if (queue.First is { } first)
            {
                queue.RemoveFirst();
                first.Value.Node = null;
                querier.LastTenantIndex = index;
                return first.Value;
            }
        }

        return null;
    }

    private async Task RunAsync(Querier querier, Pending pending)
    {
        try
        {
            pending.Registration.Dispose();
            var result = await querier.Executor(pending.Request, pending.Token).ConfigureAwait(false);
            pending.Source.TrySetResult(result);
        }
        catch (OperationCanceledException) when (pending.Token.IsCancellationRequested)
        {
            pending.Source.TrySetCanceled(pending.Token);
        }
#pragma warning disable CA1031 // The querier's failure belongs to the caller: it is handed over, never swallowed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            pending.Source.TrySetException(e);
        }
        finally
        {
            lock (_gate)
            {
                querier.InFlight--;
            }

            Pump();
        }
    }

    private sealed class Querier(string id, Func<SplitRequest, CancellationToken, Task<QueryResult>> executor, int maxConcurrent)
    {
        public string Id { get; } = id;

        public Func<SplitRequest, CancellationToken, Task<QueryResult>> Executor { get; } = executor;

        public int MaxConcurrent { get; } = maxConcurrent;

        public int InFlight { get; set; }

        /// <summary>Position of the tenant served last; −1 before the first (Loki starts at the first tenant).</summary>
        public int LastTenantIndex { get; set; } = -1;
    }

    private sealed class Pending(SplitRequest request, CancellationToken token)
    {
        public SplitRequest Request { get; } = request;

        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<QueryResult> Source { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Pending>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }
}
