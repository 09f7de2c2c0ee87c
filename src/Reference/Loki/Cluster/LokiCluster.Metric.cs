using System.Collections.Concurrent;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Reference.Loki.Querier;

namespace Verified.Reference.Loki.Cluster;

/// <summary>
/// The metric read path: <c>/loki/api/v1/query_range</c> and <c>/loki/api/v1/query</c> with a metric query, through the
/// metric frontend (<see cref="MetricQueryFrontend"/>: step-aligned splits), the scheduler, and the querier, which selects
/// each piece's samples from the ingesters and the store (<see cref="Querier.Querier.SelectSamplesAsync"/>) and evaluates
/// them (<see cref="MetricEvaluator"/>).
/// </summary>
public sealed partial class LokiCluster
{
    /// <summary>
    /// Runs a LogQL metric query for one tenant: 400 with Loki's texts for bad parameters or a malformed query, 400
    /// naming the construct for LogQL outside what Verified evaluates, the scheduler's 429, and the querier's errors.
    /// </summary>
    public async Task<MetricResponse> QueryMetricAsync(MetricRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _metricFrontend ??= new MetricQueryFrontend(SharedScheduler, FrontendSettings, Options.FrontendFaults);
        try
        {
            return await _metricFrontend.QueryAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (QuerierException e)
        {
            return MetricResponse.Fail(e.StatusCode, e.Message);
        }
    }

    /// <summary>
    /// The querier's sample request for one metric piece (loki pkg/logql/evaluator.go: a range aggregation at steps
    /// [s, e] reads <c>[s − range − offset, e − offset + 1ns)</c>, "range iterators work on start exclusive, end
    /// inclusive ranges"): the selector compiled; each label string parsed once per request.
    /// </summary>
    /// <exception cref="QuerierException">400: the query does not parse, is not a metric query, or uses LogQL Verified does not evaluate.</exception>
    public LogQueryRequest MetricSampleRequest(string tenant, string query, MetricQuery steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var range = RangeOf(ParseMetric(query));
        return SampleRequest(tenant, range, steps);
    }

    private LogQueryRequest SampleRequest(string tenant, LogRangeExpr range, MetricQuery steps)
    {
        var pipeline = LogPipeline.Compile(range.Left);
        var parsed = new ConcurrentDictionary<string, LabelSet>(StringComparer.Ordinal);
        var lookBack = (Options.FrontendFaults & FrontendFaults.MetricSamplesMissRange) != 0 ? 0 : range.IntervalNs;
        return new LogQueryRequest(
            tenant,
            steps.StartNs - lookBack - range.OffsetNs,
            steps.EndNs - range.OffsetNs + 1,
            Direction.Forward,
            1,
            labels => pipeline.Selects(parsed.GetOrAdd(labels, t => CanonicalLabels.Parse(t, Options.Spec.CanonicalLabels))));
    }

    /// <summary>One metric piece, as the querier runs it: the query parsed again, SelectSamples, then the engine.</summary>
    private async Task<QueryResult> ExecuteMetricSplitAsync(SplitRequest split, MetricQuery steps, CancellationToken cancellationToken)
    {
        var expr = ParseMetric(split.Query);
        var request = SampleRequest(split.Tenant, RangeOf(expr), steps);
        var selected = await Querier.SelectSamplesAsync(request, cancellationToken).ConfigureAwait(false);
        var streams = selected.Select(s => new LogStream(CanonicalLabels.Parse(s.Labels, Options.Spec.CanonicalLabels), s.Entries)).ToList();
        try
        {
            return QueryResult.Empty with { Metric = MetricEvaluator.Evaluate(expr, streams, steps) };
        }
        catch (LogQLPipelineException e)
        {
            throw new QuerierException(400, e.Message, e);
        }
        catch (LogQLNotSupportedException e)
        {
            throw new QuerierException(400, e.Message, e);
        }
    }

    private static SampleExpr ParseMetric(string query)
    {
        try
        {
            return LogQLParser.Parse(query) as SampleExpr ?? throw new QuerierException(400, MetricQueryErrors.NotAMetricQuery);
        }
        catch (LogQLParseException e)
        {
            throw new QuerierException(400, e.Message, e);
        }
        catch (LogQLNotSupportedException e)
        {
            throw new QuerierException(400, e.Message, e);
        }
    }

    // The evaluator runs one range aggregation, possibly under vector aggregations; anything else it refuses itself.
    private static LogRangeExpr RangeOf(SampleExpr expr) => expr switch
    {
        RangeAggregationExpr r => r.Left,
        VectorAggregationExpr { Left: var inner } => RangeOf(inner),
        _ => throw new QuerierException(400, new LogQLNotSupportedException(expr switch
        {
            BinOpExpr b => "binary operation " + b.Operation,
            LiteralExpr => "literal as a metric query",
            VectorExpr => "vector()",
            LabelReplaceExpr => "label_replace",
            _ => expr.GetType().Name,
        }).Message),
    };
}
