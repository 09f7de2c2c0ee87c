using System.Collections.Immutable;
using Verified.Reference.Loki.Querier;

namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// Loki's query frontend for log range queries (loki pkg/querier/queryrange split_by_interval.go): validates the
/// request, splits it by <see cref="FrontendOptions.SplitInterval"/> (<see cref="SplitByInterval"/>), runs the pieces
/// through the <see cref="Scheduler"/> — newest piece first for BACKWARD — keeping at most
/// <see cref="FrontendOptions.MaxQueryParallelism"/> queued, consumes the answers in piece order, stops as soon as
/// <c>limit</c> entries have arrived, and merges them (<see cref="FrontendMerge"/>).
/// </summary>
/// <remarks>
/// Loki's workers take the next piece whenever any piece finishes; here the next piece is queued when the oldest
/// outstanding answer is consumed. The answers merged are the same; only how far ahead pieces were started differs.
/// </remarks>
public sealed class QueryFrontend
{
    private readonly Scheduler _scheduler;
    private readonly FrontendOptions _options;
    private readonly FrontendFaults _faults;

    /// <summary>A frontend over an existing scheduler (whose queriers run the pieces).</summary>
    public QueryFrontend(Scheduler scheduler, FrontendOptions? options = null)
        : this(scheduler, options, FrontendFaults.None)
    {
    }

    internal QueryFrontend(Scheduler scheduler, FrontendOptions? options, FrontendFaults faults)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        _scheduler = scheduler;
        _options = options ?? FrontendOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxQueryParallelism, nameof(options));
        _faults = faults;
    }

    /// <summary>The scheduler the pieces go through.</summary>
    public Scheduler Scheduler => _scheduler;

    /// <summary>
    /// A frontend with its own scheduler and <paramref name="queriers"/> queriers, each running pieces with
    /// <paramref name="executor"/> (the querier's log query over one piece).
    /// </summary>
    public static QueryFrontend WithExecutor(
        Func<SplitRequest, CancellationToken, Task<QueryResult>> executor, FrontendOptions? options = null, SchedulerOptions? schedulerOptions = null, int queriers = 1) =>
        WithExecutor(executor, options, schedulerOptions, queriers, FrontendFaults.None);

    internal static QueryFrontend WithExecutor(
        Func<SplitRequest, CancellationToken, Task<QueryResult>> executor, FrontendOptions? options, SchedulerOptions? schedulerOptions, int queriers, FrontendFaults faults)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queriers);
        var scheduler = new Scheduler(schedulerOptions);
        for (var i = 0; i < queriers; i++)
        {
            scheduler.AddQuerier($"querier-{i}", executor);
        }

        return new QueryFrontend(scheduler, options, faults);
    }

    /// <summary>The pieces <paramref name="request"/> runs as, in execution order (newest first for BACKWARD).</summary>
    public ImmutableArray<SplitRequest> Plan(FrontendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ranges = SplitByInterval.ForInterval(request.StartNs, request.EndNs, _options.SplitInterval.Ticks * 100, endInclusive: false, _faults);
        IEnumerable<TimeRange> ordered = request.Direction == Direction.Backward && (_faults & FrontendFaults.BackwardSplitsNotReversed) == 0
            ? ranges.Reverse()
            : ranges;
        return [.. ordered.Select((range, index) => new SplitRequest(request.Tenant, request.Query, range, request.Direction, request.Limit, index))];
    }

    /// <summary>
    /// Runs <paramref name="request"/>. Bad requests and full queues come back as error responses with Loki's status and
    /// text; a querier's failure propagates as its exception.
    /// </summary>
    public async Task<FrontendResponse> QueryAsync(FrontendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var pieces = Plan(request);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answers = new Task<QueryResult>[pieces.Length];
        var queued = 0;
        for (; queued < Math.Min(_options.MaxQueryParallelism, pieces.Length); queued++)
        {
            answers[queued] = _scheduler.EnqueueAsync(pieces[queued], stop.Token);
        }

        // A piece refused at the door fails the query at once, without waiting for the pieces ahead of it.
        if (Rejection(answers, queued) is { } refused)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            return refused;
        }

        var responses = new List<QueryResult>(pieces.Length);
        long remaining = request.Limit;
        try
        {
            for (var i = 0; i < pieces.Length; i++)
            {
                var answer = await answers[i].ConfigureAwait(false);
                responses.Add(answer);
                remaining -= answer.EntryCount;
                if (remaining <= 0 && (_faults & FrontendFaults.NoEarlyStop) == 0)
                {
                    break;
                }

                if (queued < pieces.Length)
                {
                    answers[queued] = _scheduler.EnqueueAsync(pieces[queued], stop.Token);
                    queued++;
                    if (Rejection(answers, queued) is { } late)
                    {
                        return late;
                    }
                }
            }
        }
        catch (QueryRejectedException rejected)
        {
            return FrontendResponse.Fail(rejected.StatusCode, rejected.Message);
        }
        finally
        {
            // Pieces no longer needed leave the queue; running ones see the token (Loki cancels the context).
            await stop.CancelAsync().ConfigureAwait(false);
            for (var i = responses.Count; i < queued; i++)
            {
                _ = answers[i].ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        var merged = FrontendMerge.Merge(responses, request.Limit, request.Direction, _options.Deduplicating, _faults);
        return FrontendResponse.Ok(merged, responses.Count);
    }

    private static FrontendResponse? Rejection(Task<QueryResult>[] answers, int queued)
    {
        for (var i = 0; i < queued; i++)
        {
            if (answers[i].IsFaulted && answers[i].Exception?.InnerException is QueryRejectedException rejected)
            {
                return FrontendResponse.Fail(rejected.StatusCode, rejected.Message);
            }
        }

        return null;
    }

    /// <summary>Loki's checks before splitting, with its texts (loki pkg/loghttp params.go, pkg/querier/queryrange limits.go).</summary>
    private FrontendResponse? Validate(FrontendRequest request)
    {
        if (request.Limit <= 0)
        {
            return FrontendResponse.Fail(400, "limit must be a positive value");
        }

        if (request.EndNs <= request.StartNs)
        {
            return FrontendResponse.Fail(400, "end timestamp must not be before or equal to start time");
        }

        if (_options.MaxEntriesLimitPerQuery > 0 && request.Limit > _options.MaxEntriesLimitPerQuery)
        {
            return FrontendResponse.Fail(400, QuerierErrors.MaxEntries(request.Limit, _options.MaxEntriesLimitPerQuery));
        }

        var maxLengthNs = _options.MaxQueryLength.Ticks * 100;
        var lengthNs = request.EndNs - request.StartNs;
        if (maxLengthNs > 0 && lengthNs > maxLengthNs)
        {
            return FrontendResponse.Fail(400, QuerierErrors.QueryTooLong(lengthNs, maxLengthNs));
        }

        return null;
    }
}
