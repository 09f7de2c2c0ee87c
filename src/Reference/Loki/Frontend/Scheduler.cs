namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// The query scheduler (loki pkg/queue RequestQueue, pkg/scheduler): one FIFO queue per tenant; each querier runs up
/// to <c>max_concurrent</c> requests and takes its next one round-robin over the tenants, starting after the tenant it
/// served last (loki pkg/queue <c>getNextQueueForQuerier</c>). A tenant with <c>max_outstanding_requests_per_tenant</c>
/// requests already queued gets a 429 <c>too many outstanding requests</c>.
/// </summary>
/// <remarks>
/// Deterministic and Coyote-friendly: no thread-pool hops of its own, no timers. Work is handed out by a trampoline
/// (<see cref="Pump"/>) when a request arrives and when a querier finishes one; when several queriers are free they
/// take one request each in the order they were added, repeatedly. Tenants keep the position of their first request
/// (Loki reuses the slot of a tenant whose queue emptied; the round-robin order is the same while tenants stay
/// active). A querier's last-served position is shared by its concurrent slots (Loki keeps one per worker).
/// <c>max_queriers_per_tenant</c> is 0 (every querier serves every tenant).
/// </remarks>
public sealed partial class Scheduler
{
    private readonly Lock _gate = new();
    private readonly SchedulerOptions _options;
    private readonly List<string> _tenants = [];
    private readonly Dictionary<string, LinkedList<Pending>> _queues = new(StringComparer.Ordinal);
    private readonly List<Querier> _queriers = [];
    private readonly List<SchedulerDispatch> _dispatches = [];
    private bool _pumping;
    private bool _pumpAgain;

    /// <summary>A scheduler with no queriers yet; requests wait until one is added.</summary>
    public Scheduler(SchedulerOptions? options = null)
    {
        _options = options ?? SchedulerOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxOutstandingPerTenant, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxConcurrentPerQuerier, nameof(options));
    }

    /// <summary>Every dispatch so far, in order.</summary>
    public IReadOnlyList<SchedulerDispatch> Dispatches
    {
        get
        {
            lock (_gate)
            {
                return [.. _dispatches];
            }
        }
    }

    /// <summary>Requests of <paramref name="tenant"/> waiting for a querier.</summary>
    public int Queued(string tenant)
    {
        lock (_gate)
        {
            return _queues.TryGetValue(tenant, out var queue) ? queue.Count : 0;
        }
    }

    /// <summary>
    /// Adds a querier that runs requests with <paramref name="executor"/>, at most <paramref name="maxConcurrent"/>
    /// (default <see cref="SchedulerOptions.MaxConcurrentPerQuerier"/>) at a time; it starts taking work at once.
    /// </summary>
    /// <exception cref="ArgumentException">A querier with this id exists.</exception>
    public void AddQuerier(string id, Func<SplitRequest, CancellationToken, Task<QueryResult>> executor, int? maxConcurrent = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(executor);
        var concurrency = maxConcurrent ?? _options.MaxConcurrentPerQuerier;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency, nameof(maxConcurrent));
        lock (_gate)
        {
            if (_queriers.Exists(q => q.Id == id))
            {
                throw new ArgumentException($"querier {id} is already registered", nameof(id));
            }

            _queriers.Add(new Querier(id, executor, concurrency));
        }

        Pump();
    }

    /// <summary>
    /// Queues <paramref name="request"/> for its tenant. The task completes with the querier's answer; it faults with a
    /// 429 <see cref="QueryRejectedException"/> when the tenant's queue is full, and is canceled when
    /// <paramref name="cancellationToken"/> fires (a queued request is removed; a running one sees the token).
    /// </summary>
    public Task<QueryResult> EnqueueAsync(SplitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<QueryResult>(cancellationToken);
        }

        var pending = new Pending(request, cancellationToken);
        lock (_gate)
        {
            if (!_queues.TryGetValue(request.Tenant, out var queue))
            {
                queue = new LinkedList<Pending>();
                _queues.Add(request.Tenant, queue);
                _tenants.Add(request.Tenant);
            }

            if (queue.Count >= _options.MaxOutstandingPerTenant)
            {
                return Task.FromException<QueryResult>(QueryRejectedException.TooManyOutstandingRequests());
            }

            pending.Node = queue.AddLast(pending);
        }

        // Registered outside the lock: a token that fires now runs the callback synchronously, and it takes the lock.
        pending.Registration = cancellationToken.Register(() => CancelQueued(pending));
        if (cancellationToken.IsCancellationRequested)
        {
            CancelQueued(pending);
        }

        Pump();
        return pending.Source.Task;
    }

    private void CancelQueued(Pending pending)
    {
        lock (_gate)
        {
            if (pending.Node?.List is { } list)
            {
                list.Remove(pending.Node);
                pending.Node = null;
            }
            else
            {
                return;
            }
        }

        pending.Source.TrySetCanceled(pending.Token);
    }
}
