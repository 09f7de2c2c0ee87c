using System.Collections.Immutable;
using Verified.Reference.Loki.Querier;

namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// Loki's query frontend for log range queries (loki pkg/querier/queryrange split_by_interval.go): validates the
/// request, splits it by <see cref="FrontendOptions.SplitInterval"/> (<see cref="SplitByInterval"/>), runs the pieces
/// through the <see cref="Scheduler"/> — newest piece first for BACKWARD — keeping at most
/// <see cref="FrontendOptions.MaxQueryParallelism"/> queued (<see cref="PieceWindow"/>), consumes the answers in
/// piece order, stops as soon as <c>limit</c> entries have arrived, and merges them (<see cref="FrontendMerge"/>).
/// </summary>
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
        long remaining = request.Limit;
        var noEarlyStop = (_faults & FrontendFaults.NoEarlyStop) != 0;
        var (responses, rejected) = await PieceWindow.RunAsync(
            _scheduler, pieces, _options.MaxQueryParallelism, answer => (remaining -= answer.EntryCount) <= 0 && !noEarlyStop, cancellationToken).ConfigureAwait(false);
        if (rejected is not null)
        {
            return FrontendResponse.Fail(rejected.StatusCode, rejected.Message);
        }

        var merged = FrontendMerge.Merge(responses, request.Limit, request.Direction, _options.Deduplicating, _faults);
        return FrontendResponse.Ok(merged, responses.Count);
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
