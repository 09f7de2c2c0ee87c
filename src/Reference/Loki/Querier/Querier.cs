using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Verified.Reference.Storage;
using Verified.Routing;

namespace Verified.Reference.Loki.Querier;

/// <summary>
/// Loki's querier for log queries over one tenant (loki pkg/querier/querier.go <c>SelectLogs</c>, LOKI.md §6):
/// validate the request and the tenant's limits, route the range (<see cref="QueryIntervals"/>, or the whole range
/// to the ingesters under <see cref="WindowGap.Closed"/>), ask the ring's read set of ingesters until quorum and the
/// store, merge and dedupe (<see cref="EntryMerger"/>), then take the first <c>limit</c> entries and group them by
/// stream (<c>readStreams</c>).
/// </summary>
/// <remarks>
/// As in Loki, a single source is returned as it is, without the dedupe pass (<c>if len(iters) == 1</c>), and each
/// stored stream's chunks are merged with dedupe on their own (loki pkg/storage/batch.go). Not modelled: the LogQL
/// pipeline (the lead wires it in), <c>interval</c> thinning, max_query_lookback, query timeouts, deletes, sharding.
/// </remarks>
public sealed partial class Querier
{
    private readonly QuerierDependencies _deps;
    private readonly QuerierFaults _faults;
    private readonly CanonicalLabelOptions _labelOptions = LokiRouting.Instance.CanonicalLabels;

    /// <summary>A querier with <paramref name="config"/> over <paramref name="dependencies"/>.</summary>
    public Querier(QuerierConfig config, QuerierDependencies dependencies)
        : this(config, dependencies, QuerierFaults.None)
    {
    }

    internal Querier(QuerierConfig config, QuerierDependencies dependencies, QuerierFaults faults)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(dependencies);
        Config = config;
        _deps = dependencies;
        _faults = faults;
    }

    /// <summary>The settings and limits.</summary>
    public QuerierConfig Config { get; }

    /// <summary>Runs a log query.</summary>
    /// <exception cref="QuerierException">The request is refused (400, 401) or the read failed (500); the message is Loki's text.</exception>
    public async Task<LogQueryResult> SelectLogsAsync(LogQueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var counters = new ReadCounters();
        var (entries, intervals, asked, chunks) = await ReadAsync(request, request.Limit, counters, cancellationToken).ConfigureAwait(false);
        var streams = Assemble(entries, request.Pipeline, request.Limit);
        return new LogQueryResult(streams, intervals, asked, counters.Duplicates, chunks) { BlocksDecoded = counters.BlocksDecoded };
    }

    /// <summary>
    /// Every entry a metric query reads (loki pkg/querier/querier.go <c>SelectSamples</c>): the request's selector over
    /// its range, from the ingesters and the store, merged and deduplicated, with no limit; grouped by stream (streams
    /// sorted by label string, entries oldest first). The pipeline is left to the metric evaluator, so
    /// <see cref="LogQueryRequest.Pipeline"/>, <see cref="LogQueryRequest.Limit"/> and <see cref="LogQueryRequest.Direction"/>
    /// are not used.
    /// </summary>
    /// <exception cref="QuerierException">The request is refused (400, 401) or the read failed (500); the message is Loki's text.</exception>
    public async Task<ImmutableArray<ResultStream>> SelectSamplesAsync(LogQueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forward = request with { Direction = Direction.Forward, Pipeline = null };
        Validate(forward, samples: true);
        var (entries, _, _, _) = await ReadAsync(forward, 0, new ReadCounters(), cancellationToken).ConfigureAwait(false);
        return Assemble(entries, null, int.MaxValue);
    }

    /// <summary>
    /// Routes the range, asks the ingesters (eagerly: their answers are in memory) and opens the store side (lazily),
    /// and returns the merged, deduplicated entries as an iterator the caller drives.
    /// </summary>
    private async Task<(IEnumerable<StreamEntry> Entries, QueryIntervals Intervals, ImmutableArray<string> Asked, int Chunks)> ReadAsync(
        LogQueryRequest request, int ingesterLimit, ReadCounters counters, CancellationToken cancellationToken)
    {
        var now = _deps.Time.GetUtcNow();
        var nowNs = (now - DateTimeOffset.UnixEpoch).Ticks * TimeSpan.NanosecondsPerTick;
        var intervals = Route(request, nowNs);

        var sources = new List<LazyInput>();
        var asked = ImmutableArray<string>.Empty;
        var chunks = 0;
        var edge = request.Direction == Direction.Forward ? long.MinValue : long.MaxValue;
        if (intervals.Ingester is { } ingesterInterval && (_faults & QuerierFaults.SkipIngesters) == 0)
        {
            var answers = await QueryIngestersAsync(request, ingesterInterval, ingesterLimit, now.ToUnixTimeSeconds(), cancellationToken).ConfigureAwait(false);
            asked = [.. answers.Select(a => a.Address)];
            sources.AddRange(answers.Select(a => new LazyInput(edge, () => a.Entries)));
        }

        if (intervals.Store is { } storeInterval)
        {
            var (entries, fetched) = await QueryStoreAsync(request, storeInterval, counters, cancellationToken).ConfigureAwait(false);
            sources.Add(new LazyInput(edge, () => entries));
            chunks = fetched;
        }

        // Loki returns a lone iterator as it is: no dedupe pass.
        var merged = sources.Count == 1 ? sources[0].Open() : EntryMerger.Merge(sources, request.Direction, _faults, counters);
        return (merged, intervals, asked, chunks);
    }

    /// <summary>The intervals this querier asks for <paramref name="request"/> at <paramref name="nowNs"/>.</summary>
    public QueryIntervals Route(LogQueryRequest request, long nowNs)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loki = QueryIntervals.Build(request.StartNs, request.EndNs, nowNs, Config.QueryIngestersWithinNs, Config.QueryStoreMaxLookBackNs);
        return Config.WindowGap == WindowGap.LokiCompatible
            ? loki
            : loki with { Ingester = new TimeInterval(request.StartNs, request.EndNs) };
    }

    /// <summary>
    /// Loki's checks in its order: the tenant (dskit), the HTTP parameters (limit, end after start), then
    /// max_entries_limit_per_query (engine) and max_query_length (querier).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="samples">A metric query's sample read: it has no limit, so the limit checks are skipped.</param>
    private void Validate(LogQueryRequest request, bool samples = false)
    {
        ArgumentNullException.ThrowIfNull(request.Tenant);
        ArgumentNullException.ThrowIfNull(request.Matches);
        if (request.Tenant.Length == 0)
        {
            throw new QuerierException(401, "no org id");
        }

        if (TenantIds.Validate(request.Tenant) is { } tenantError)
        {
            throw new QuerierException(400, tenantError);
        }

        if (!samples && request.Limit <= 0)
        {
            throw new QuerierException(400, QuerierErrors.LimitNotPositive);
        }

        if (request.EndNs <= request.StartNs)
        {
            throw new QuerierException(400, QuerierErrors.EndBeforeStart);
        }

        if (!samples && Config.MaxEntriesLimitPerQuery != 0 && request.Limit > Config.MaxEntriesLimitPerQuery)
        {
            throw new QuerierException(400, QuerierErrors.MaxEntries(request.Limit, Config.MaxEntriesLimitPerQuery));
        }

        var length = request.EndNs - request.StartNs;
        if (Config.MaxQueryLengthNs > 0 && length > Config.MaxQueryLengthNs)
        {
            throw new QuerierException(400, QuerierErrors.QueryTooLong(length, Config.MaxQueryLengthNs));
        }
    }

    /// <summary>
    /// readStreams: the pipeline run over the merged entries as they come (an entry it drops does not count), the first
    /// <paramref name="limit"/> entries kept, grouped by the labels the pipeline gives them, streams sorted by labels.
    /// The iteration stops at the limit, so nothing past it is read.
    /// </summary>
    private static ImmutableArray<ResultStream> Assemble(IEnumerable<StreamEntry> merged, Func<string, LogEntry, string?>? pipeline, int limit)
    {
        var streams = new Dictionary<string, ImmutableArray<LogEntry>.Builder>(StringComparer.Ordinal);
        var taken = 0;
        foreach (var item in merged)
        {
            if (taken >= limit)
            {
                break;
            }

            var labels = pipeline is null ? item.Labels : pipeline(item.Labels, item.Entry);
            if (labels is null)
            {
                continue;
            }

            if (!streams.TryGetValue(labels, out var entries))
            {
                entries = ImmutableArray.CreateBuilder<LogEntry>();
                streams.Add(labels, entries);
            }

            entries.Add(item.Entry);
            taken++;
        }

        return [.. streams.OrderBy(s => s.Key, Utf8Order.Instance).Select(s => new ResultStream(s.Key, s.Value.ToImmutable()))];
    }

    /// <summary>The stream hash both sides give a stream (Prometheus labels.Hash of its labels), so replicas meet in one dedupe group.</summary>
    private ulong StreamHash(string labels, Dictionary<string, ulong> cache)
    {
        if (!cache.TryGetValue(labels, out var hash))
        {
            hash = LabelHashes.StableHash(CanonicalLabels.Parse(labels, _labelOptions));
            cache.Add(labels, hash);
        }

        return hash;
    }
}
