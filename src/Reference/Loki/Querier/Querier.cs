using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;
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
        var now = _deps.Time.GetUtcNow();
        var nowNs = (now - DateTimeOffset.UnixEpoch).Ticks * TimeSpan.NanosecondsPerTick;
        var intervals = Route(request, nowNs);

        var sources = new List<IReadOnlyList<StreamEntry>>();
        var asked = ImmutableArray<string>.Empty;
        var duplicates = 0;
        var chunks = 0;
        if (intervals.Ingester is { } ingesterInterval && (_faults & QuerierFaults.SkipIngesters) == 0)
        {
            var answers = await QueryIngestersAsync(request, ingesterInterval, now.ToUnixTimeSeconds(), cancellationToken).ConfigureAwait(false);
            asked = [.. answers.Select(a => a.Address)];
            sources.AddRange(answers.Select(a => a.Entries));
        }

        if (intervals.Store is { } storeInterval)
        {
            var (entries, storeDuplicates, fetched) = await QueryStoreAsync(request, storeInterval, cancellationToken).ConfigureAwait(false);
            sources.Add(entries);
            duplicates += storeDuplicates;
            chunks = fetched;
        }

        IReadOnlyList<StreamEntry> merged;
        if (sources.Count == 1)
        {
            merged = sources[0]; // Loki returns a lone iterator as it is: no dedupe pass
        }
        else
        {
            var result = EntryMerger.Merge(sources, request.Direction, _faults);
            merged = result.Entries;
            duplicates += result.Duplicates;
        }

        if (request.Keep is { } keep)
        {
            merged = [.. merged.Where(e => keep(e.Labels, e.Entry))];
        }

        return new LogQueryResult(Assemble(merged, request.Limit), intervals, asked, duplicates, chunks);
    }

    /// <summary>
    /// Every entry a metric query reads (loki pkg/querier/querier.go <c>SelectSamples</c>): the request's selector over
    /// its range, from the ingesters and the store, merged and deduplicated, with no limit; grouped by stream (streams
    /// sorted by label string, entries oldest first). The pipeline is left to the metric evaluator, so
    /// <see cref="LogQueryRequest.Keep"/>, <see cref="LogQueryRequest.Limit"/> and <see cref="LogQueryRequest.Direction"/>
    /// are not used.
    /// </summary>
    /// <exception cref="QuerierException">The request is refused (400, 401) or the read failed (500); the message is Loki's text.</exception>
    public async Task<ImmutableArray<ResultStream>> SelectSamplesAsync(LogQueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forward = request with { Direction = Direction.Forward, Limit = 1, Keep = null };
        Validate(forward);
        var now = _deps.Time.GetUtcNow();
        var nowNs = (now - DateTimeOffset.UnixEpoch).Ticks * TimeSpan.NanosecondsPerTick;
        var intervals = Route(forward, nowNs);
        var sources = new List<IReadOnlyList<StreamEntry>>();
        if (intervals.Ingester is { } ingesterInterval && (_faults & QuerierFaults.SkipIngesters) == 0)
        {
            var answers = await QueryIngestersAsync(forward, ingesterInterval, now.ToUnixTimeSeconds(), cancellationToken).ConfigureAwait(false);
            sources.AddRange(answers.Select(a => a.Entries));
        }

        if (intervals.Store is { } storeInterval)
        {
            sources.Add((await QueryStoreAsync(forward, storeInterval, cancellationToken).ConfigureAwait(false)).Entries);
        }

        var merged = sources.Count == 1 ? sources[0] : EntryMerger.Merge(sources, Direction.Forward, _faults).Entries;
        return Assemble(merged, int.MaxValue);
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
    private void Validate(LogQueryRequest request)
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

        if (request.Limit <= 0)
        {
            throw new QuerierException(400, QuerierErrors.LimitNotPositive);
        }

        if (request.EndNs <= request.StartNs)
        {
            throw new QuerierException(400, QuerierErrors.EndBeforeStart);
        }

        if (Config.MaxEntriesLimitPerQuery != 0 && request.Limit > Config.MaxEntriesLimitPerQuery)
        {
            throw new QuerierException(400, QuerierErrors.MaxEntries(request.Limit, Config.MaxEntriesLimitPerQuery));
        }

        var length = request.EndNs - request.StartNs;
        if (Config.MaxQueryLengthNs > 0 && length > Config.MaxQueryLengthNs)
        {
            throw new QuerierException(400, QuerierErrors.QueryTooLong(length, Config.MaxQueryLengthNs));
        }
    }

    /// <summary>readStreams: the first <paramref name="limit"/> entries, grouped by stream, streams sorted by labels.</summary>
    private static ImmutableArray<ResultStream> Assemble(IReadOnlyList<StreamEntry> merged, int limit)
    {
        var streams = new Dictionary<string, ImmutableArray<Push.LogEntry>.Builder>(StringComparer.Ordinal);
        foreach (var item in merged.Take(limit))
        {
            if (!streams.TryGetValue(item.Labels, out var entries))
            {
                entries = ImmutableArray.CreateBuilder<Push.LogEntry>();
                streams.Add(item.Labels, entries);
            }

            entries.Add(item.Entry);
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
