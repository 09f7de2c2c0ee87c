using System.Collections.Immutable;
using Verified.Reference.Loki.LogQL;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Reference.Loki.Querier;

namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// Loki's query frontend for metric queries (loki pkg/querier/queryrange roundtrip.go <c>NewMetricTripperware</c> and
/// <c>NewInstantMetricTripperware</c>): validates the request with Loki's texts, splits a range query with
/// <see cref="MetricSplitter"/> (step-aligned; unsplit and unaligned when the split interval is 0), runs the pieces
/// through the <see cref="Scheduler"/> — newest first for BACKWARD, at most
/// <see cref="FrontendOptions.MaxQueryParallelism"/> queued (<see cref="PieceWindow"/>) — and merges their matrices (<see cref="MetricMerge"/>).
/// An instant query runs as one piece.
/// </summary>
/// <remarks>
/// Not modelled: <c>align_queries_with_step</c> (default false), the results cache (off by default), query sharding,
/// split_ingester_queries_by_interval, the instant split-by-range rewrite (whose sum of sub-ranges equals the unsplit
/// answer for the supported functions up to float rounding), <c>max_query_series</c>.
/// </remarks>
public sealed class MetricQueryFrontend
{
    private readonly Scheduler _scheduler;
    private readonly FrontendOptions _options;
    private readonly FrontendFaults _faults;

    /// <summary>A metric frontend over an existing scheduler (whose queriers must answer pieces carrying <see cref="SplitRequest.Metric"/>).</summary>
    public MetricQueryFrontend(Scheduler scheduler, FrontendOptions? options = null)
        : this(scheduler, options, FrontendFaults.None)
    {
    }

    internal MetricQueryFrontend(Scheduler scheduler, FrontendOptions? options, FrontendFaults faults)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        _scheduler = scheduler;
        _options = options ?? FrontendOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxQueryParallelism, nameof(options));
        _faults = faults;
    }

    /// <summary>
    /// The pieces <paramref name="request"/> runs as, in execution order (newest first for BACKWARD); each carries its
    /// steps in <see cref="SplitRequest.Metric"/> and <see cref="SplitRequest.Range"/> = [first step, last step + 1ns).
    /// </summary>
    /// <exception cref="LogQLParseException">The query does not parse.</exception>
    public ImmutableArray<SplitRequest> Plan(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ImmutableArray<MetricQuery> pieces;
        if (request.IsInstant)
        {
            pieces = [MetricQuery.Instant(request.StartNs)];
        }
        else
        {
            var intervalNs = _options.SplitInterval.Ticks * TimeSpan.NanosecondsPerTick;
            pieces = [];
            if (intervalNs > 0)
            {
                var (start, end) = MetricSplitter.AlignToStep(request.StartNs, request.EndNs, request.StepNs);
                var effective = MetricSplitter.EffectiveIntervalNs(intervalNs, MaxRangeNs(LogQLParser.Parse(request.Query)));
                pieces = MetricSplitter.Split(start, end, request.StepNs, effective, _faults);
            }

            // No interval, or nothing left after alignment: Loki passes the original request on unsplit.
            if (pieces.IsEmpty)
            {
                pieces = [MetricQuery.Range(request.StartNs, request.EndNs, request.StepNs)];
            }
        }

        IEnumerable<MetricQuery> ordered = request.Direction == Direction.Backward ? pieces.Reverse() : pieces;
        return [.. ordered.Select((at, index) => new SplitRequest(request.Tenant, request.Query, new TimeRange(at.StartNs, at.EndNs + 1), request.Direction, request.Limit, index) { Metric = at })];
    }

    /// <summary>
    /// Runs <paramref name="request"/>. Bad requests and full queues come back as error responses with Loki's status and
    /// text; a querier's failure propagates as its exception.
    /// </summary>
    public async Task<MetricResponse> QueryAsync(MetricRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var pieces = Plan(request);
        var (answers, rejected) = await PieceWindow.RunAsync(_scheduler, pieces, _options.MaxQueryParallelism, static _ => false, cancellationToken).ConfigureAwait(false);
        if (rejected is not null)
        {
            return MetricResponse.Fail(rejected.StatusCode, rejected.Message);
        }

        var results = answers.Select((answer, i) => answer.Metric ?? throw new InvalidOperationException($"the querier answered metric piece {pieces[i].Range} without a matrix")).ToList();

        // A single piece is Loki's "len(intervals) == 1": passed through without the merge (and its series order).
        var merged = results.Count == 1 ? results[0] : MetricMerge.Merge(results);
        return MetricResponse.Ok(merged, results.Count);
    }

    /// <summary>The longest range of any range aggregation in <paramref name="expr"/> (queryrange maxRangeVectorAndOffsetDuration).</summary>
    public static long MaxRangeNs(Expr expr) => expr switch
    {
        RangeAggregationExpr r => r.Left.IntervalNs,
        VectorAggregationExpr v => MaxRangeNs(v.Left),
        BinOpExpr b => Math.Max(MaxRangeNs(b.Left), MaxRangeNs(b.Right)),
        LabelReplaceExpr l => MaxRangeNs(l.Left),
        _ => 0,
    };

    /// <summary>
    /// Loki's checks in its order (loki pkg/loghttp/query.go ParseRangeQuery / ParseInstantQuery, then the query's
    /// parse, then pkg/querier/queryrange/limits.go max_query_length on millisecond bounds).
    /// </summary>
    private MetricResponse? Validate(MetricRequest request)
    {
        if (!request.IsInstant && request.EndNs < request.StartNs)
        {
            return MetricResponse.Fail(400, MetricQueryErrors.EndBeforeStart);
        }

        if (request.Limit <= 0)
        {
            return MetricResponse.Fail(400, QuerierErrors.LimitNotPositive);
        }

        if (!request.IsInstant && request.StepNs <= 0)
        {
            return MetricResponse.Fail(400, MetricQueryErrors.ZeroOrNegativeStep);
        }

        if (!request.IsInstant && (request.EndNs - request.StartNs) / request.StepNs > MetricQueryErrors.MaxPointsPerSeries)
        {
            return MetricResponse.Fail(400, MetricQueryErrors.TooManyPoints);
        }

        Expr expr;
        try
        {
            expr = LogQLParser.Parse(request.Query);
        }
        catch (LogQLParseException e)
        {
            return MetricResponse.Fail(400, e.Message);
        }
        catch (LogQLNotSupportedException e)
        {
            return MetricResponse.Fail(400, e.Message);
        }

        if (expr is not SampleExpr)
        {
            return MetricResponse.Fail(400, request.IsInstant ? MetricQueryErrors.LogQueryAsInstant : MetricQueryErrors.NotAMetricQuery);
        }

        var maxLengthNs = _options.MaxQueryLength.Ticks * TimeSpan.NanosecondsPerTick;
        var lengthNs = ((request.EndNs / 1_000_000) - (request.StartNs / 1_000_000)) * 1_000_000;
        return maxLengthNs > 0 && lengthNs > maxLengthNs
            ? MetricResponse.Fail(400, QuerierErrors.QueryTooLong(lengthNs, maxLengthNs))
            : null;
    }
}
