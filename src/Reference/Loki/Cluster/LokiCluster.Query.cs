using System.Collections.Concurrent;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Reference.Loki.Querier;
using Verified.Routing;

namespace Verified.Reference.Loki.Cluster;

/// <summary>
/// The read path: query frontend → scheduler → querier → (the ring's read set of ingesters + the store), with the
/// settings of the spec's <c>read:</c> section (LOKI.md §6). One querier pulls from the scheduler.
/// </summary>
public sealed partial class LokiCluster
{
    /// <summary>The name the cluster's querier registers with the scheduler.</summary>
    public const string QuerierNode = "querier-0";

    private QueryFrontend? _frontend;
    private MetricQueryFrontend? _metricFrontend;
    private Scheduler? _scheduler;
    private Querier.Querier? _querier;

    /// <summary>The read settings: the spec's <c>read:</c> section, or Loki's defaults when the spec has none.</summary>
    public ReadPathOptions ReadPath => Options.Spec.ReadPath ?? DefaultReadPath;

    /// <summary>The querier (built on first use).</summary>
    public Querier.Querier Querier => _querier ??= BuildQuerier();

    private static ReadPathOptions DefaultReadPath { get; } = new(
        TimeSpan.FromHours(3), TimeSpan.Zero, TimeSpan.FromHours(1), 5000, TimeSpan.FromHours(721), 32000, 4, WindowGapMode.Closed, SplitMergeMode.Deduplicating);

    /// <summary>
    /// Runs a LogQL log query (<c>/loki/api/v1/query_range</c> with a log selector) for one tenant: 400 with Loki's
    /// parse-error text for a malformed query, 400 naming the construct for LogQL outside what Verified evaluates, the
    /// frontend's and the querier's limits and errors otherwise.
    /// </summary>
    public async Task<FrontendResponse> QueryAsync(FrontendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Compile(request.Query) is { Error: { } error })
        {
            return FrontendResponse.Fail(400, error);
        }

        _frontend ??= BuildFrontend();
        try
        {
            return await _frontend.QueryAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (QuerierException e)
        {
            // A split the querier refused or could not answer (read-set quorum lost, store failure): the whole query fails.
            return FrontendResponse.Fail(e.StatusCode, e.Message);
        }
    }

    private static (LogPipeline? Pipeline, string? Error) Compile(string query)
    {
        try
        {
            return (LogPipeline.Compile(LogQLParser.ParseLogSelector(query)), null);
        }
        catch (LogQLParseException e)
        {
            return (null, e.Message);
        }
        catch (LogQLNotSupportedException e)
        {
            return (null, e.Message);
        }
    }

    private QueryFrontend BuildFrontend() => new(SharedScheduler, FrontendSettings, Options.FrontendFaults);

    /// <summary>The one scheduler both frontends queue into, with the cluster's querier registered.</summary>
    private Scheduler SharedScheduler => _scheduler ??= BuildScheduler();

    private Scheduler BuildScheduler()
    {
        var read = ReadPath;
        var scheduler = new Scheduler(new SchedulerOptions { MaxOutstandingPerTenant = read.MaxOutstandingPerTenant, MaxConcurrentPerQuerier = read.QuerierMaxConcurrent });
        scheduler.AddQuerier(QuerierNode, ExecuteSplitAsync, read.QuerierMaxConcurrent);
        return scheduler;
    }

    private FrontendOptions FrontendSettings
    {
        get
        {
            var read = ReadPath;
            return new FrontendOptions
            {
                SplitInterval = read.SplitQueriesByInterval,
                Deduplicating = read.SplitMerge == SplitMergeMode.Deduplicating,
                MaxEntriesLimitPerQuery = read.MaxEntriesLimitPerQuery,
                MaxQueryLength = read.MaxQueryLength,
            };
        }
    }

    private Querier.Querier BuildQuerier()
    {
        var read = ReadPath;
        var config = new QuerierConfig
        {
            QueryIngestersWithinNs = read.QueryIngestersWithin.Ticks * TimeSpan.NanosecondsPerTick,
            QueryStoreMaxLookBackNs = read.QueryStoreMaxLookBackPeriod.Ticks * TimeSpan.NanosecondsPerTick,
            MaxEntriesLimitPerQuery = read.MaxEntriesLimitPerQuery,
            MaxQueryLengthNs = read.MaxQueryLength.Ticks * TimeSpan.NanosecondsPerTick,
            WindowGap = read.WindowGap == WindowGapMode.LokiCompatible ? WindowGap.LokiCompatible : WindowGap.Closed,
            ChunkBlockSize = Options.IngesterConfig.BlockSize,
            ChunkTargetSize = Options.IngesterConfig.TargetChunkSize,
        };
        var ingesters = new LocalIngesterQueryClient(name => _members.TryGetValue(name, out var member) ? member.Process : null);
        return new Querier.Querier(config, new QuerierDependencies(() => _ring, ingesters, Store, Index, Time), Options.QuerierFaults);
    }

    /// <summary>
    /// The querier's request for a LogQL log query: the selector and the pipeline compiled, each label string parsed
    /// once per query, not once per entry.
    /// </summary>
    /// <exception cref="QuerierException">400: the query does not parse, or uses LogQL Verified does not evaluate.</exception>
    public LogQueryRequest QuerierRequest(string tenant, string query, long startNs, long endNs, Direction direction, int limit)
    {
        var (pipeline, error) = Compile(query);
        if (pipeline is null)
        {
            throw new QuerierException(400, error!);
        }

        var parsed = new ConcurrentDictionary<string, LabelSet>(StringComparer.Ordinal);
        LabelSet Labels(string text) => parsed.GetOrAdd(text, t => CanonicalLabels.Parse(t, Options.Spec.CanonicalLabels));
        return new LogQueryRequest(
            tenant,
            startNs,
            endNs,
            direction,
            limit,
            labels => pipeline.Selects(Labels(labels)),
            (labels, entry) => pipeline.ResultLabels(labels, Labels(labels), entry, result => CanonicalLabels.Format(result, Options.Spec.CanonicalLabels)));
    }

    /// <summary>One split, as the querier runs it: the query compiled again (the frontend sends text), then SelectLogs.</summary>
    private async Task<QueryResult> ExecuteSplitAsync(SplitRequest split, CancellationToken cancellationToken)
    {
        if (split.Metric is { } steps)
        {
            return await ExecuteMetricSplitAsync(split, steps, cancellationToken).ConfigureAwait(false);
        }

        var request = QuerierRequest(split.Tenant, split.Query, split.Range.StartNs, split.Range.EndNs, split.Direction, split.Limit);
        var result = await Querier.SelectLogsAsync(request, cancellationToken).ConfigureAwait(false);
        return new QueryResult(result.Streams);
    }
}
