using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.Durability;

/// <summary>
/// Metric queries through the whole read path (frontend step alignment and splits, scheduler, querier over ingesters
/// and store, split merge) judged against the in-memory evaluator over the acknowledged entries (LOKI-READ metric path).
/// </summary>
/// <remarks>
/// The evaluator is itself checked against a naive model (tests/logql/Eval), so agreement here closes the chain:
/// cluster = evaluator(acknowledged data) = model. Entries of pushes whose outcome is indefinite may be stored on a
/// minority of replicas (non-atomic writes, LOKI.md §3), and then a quorum read may or may not see them: a query of a
/// tenant holding such entries must still succeed, but its values are not judged.
/// </remarks>
public static class MetricQueryProperties
{
    private static readonly string[] Functions = ["count_over_time", "rate", "bytes_over_time", "bytes_rate"];

    private static readonly string[] Ranges = ["1m", "5m", "1h", "2h"];

    private static readonly long[] StepSeconds = [1, 7, 45, 420, 1500, 3600, 5400];

    private static readonly string[] Offsets = [string.Empty, string.Empty, " offset 10m", " offset 90m"];

    /// <summary>One step of a metric workload: a write-path operation or a metric query.</summary>
    public abstract record Step
    {
        /// <summary>A write-path operation (push, crash, restart, flush, store failures, dropped requests, clock move).</summary>
        public sealed record Write(WriteOperation Operation) : Step
        {
            /// <inheritdoc />
            public override string ToString() => Operation.ToString();
        }

        /// <summary>
        /// A metric query of one tenant: the aggregation <paramref name="Shape"/>, the range function, range, offset and
        /// selector, a time range whose edges are picked among written timestamps, a step, or an instant query.
        /// </summary>
        public sealed record Query(int Tenant, int Shape, int Function, int Range, int Offset, int Selector, int From, int To, int Step, bool Instant) : Step
        {
            /// <inheritdoc />
            public override string ToString() =>
                $"metric t{Tenant} shape{Shape} fn{Function} range{Range} off{Offset} sel{Selector} [{From}..{To}] step{Step}{(Instant ? " instant" : string.Empty)}";
        }
    }

    /// <summary>Metric queries mixed with the write workload's operations and clock moves of hours.</summary>
    public static Gen<Step> Steps { get; } = Gen.Frequency(
        (10, WriteWorkloads.Operations.Select(o => (Step)new Step.Write(o))),
        (3, from tenant in Gen.Choose(0, WriteWorkloads.Tenants - 1)
            from shape in Gen.Choose(0, 7)
            from function in Gen.Choose(0, Functions.Length - 1)
            from range in Gen.Choose(0, Ranges.Length - 1)
            from offset in Gen.Choose(0, Offsets.Length - 1)
            from selector in Gen.Choose(0, 2)
            from a in Gen.Choose(0, 1000)
            from b in Gen.Choose(0, 1000)
            from step in Gen.Choose(0, StepSeconds.Length - 1)
            from instant in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (Step)new Step.Query(tenant, shape, function, range, offset, selector, a, b, step, instant)),
        (1, Gen.Choose(1, 4).Select(h => (Step)new Step.Write(new WriteOperation.Advance(h * 3600)))));

    /// <summary>A workload of 1–30 steps; shrinking drops steps.</summary>
    public static Arbitrary<Step[]> Workloads { get; } = Arb.From(Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(Steps, n)), Shrink);

    /// <summary>
    /// Every metric query of a workload — range queries with steps that do and do not divide the split interval, ranges
    /// longer than the interval, offsets, spans crossing split boundaries and query_ingesters_within, and instant
    /// queries; pushes, crashes within tolerance, restarts, flushes with store failures, clock moves in between —
    /// answers 200 with exactly what the evaluator computes over the tenant's acknowledged entries at the
    /// frontend's step-aligned steps, series in the merge's order; no other tenant's data shows.
    /// </summary>
    public static Property MetricQueriesMatchTheEvaluator(LokiClusterOptions options) =>
        Prop.ForAll(Workloads, Arb.From(Gen.Choose(0, int.MaxValue)), (steps, seed) =>
        {
            var violations = Run(steps, seed, options);
            return violations.Count == 0
                ? true.Label("no violation")
                : false.Label($"seed {seed}; steps: {string.Join("; ", steps.Select(s => s.ToString()))}\n{string.Join("\n", violations)}");
        });

    /// <summary>Runs <paramref name="steps"/> from <paramref name="seed"/>; returns one line per violation (empty: none).</summary>
    public static IReadOnlyList<string> Run(IReadOnlyList<Step> steps, int seed, LokiClusterOptions options) =>
        Task.Run(() => new Runner(options, seed).RunAsync(steps)).GetAwaiter().GetResult();

    /// <summary>The LogQL text of <paramref name="query"/> (tenant data written by <see cref="Runner"/>).</summary>
    public static string Text(Step.Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var selector = query.Selector switch
        {
            0 => $"{{app=\"app{query.From % 3}\"}}",
            1 => "{stream=~\"s[01]\"}",
            _ => "{app=~\"app.*\"} |= \"line 1\"",
        };
        var inner = $"{Functions[query.Function]}({selector}[{Ranges[query.Range]}]{Offsets[query.Offset]})";
        return query.Shape switch
        {
            0 => inner,
            1 => $"sum by (app) ({inner})",
            2 => $"sum without (stream) ({inner})",
            3 => $"count({inner})",
            4 => $"max by (stream) ({inner})",
            5 => $"topk(2, {inner})",
            6 => $"avg by (app) ({inner})",
            _ => $"min({inner})",
        };
    }

    private static IEnumerable<Step[]> Shrink(Step[] steps)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            yield return [.. steps.Take(i), .. steps.Skip(i + 1)];
        }
    }

    /// <summary>Drives one workload and judges each metric query as it is answered.</summary>
    private sealed class Runner(LokiClusterOptions options, int seed)
    {
        private const int Tolerated = 1;

        private readonly WritePathHarness _harness = new(options, seed);
        private readonly Dictionary<(string Tenant, string Labels), HashSet<LogEntry>> _acknowledged = [];
        private readonly Dictionary<(string Tenant, string Labels), HashSet<LogEntry>> _uncertain = [];
        private readonly HashSet<string> _down = new(StringComparer.Ordinal);
        private readonly List<long> _stamps = [];
        private readonly List<string> _violations = [];
        private int _sequence;

        private LokiCluster Cluster => _harness.Cluster;

        public async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<Step> steps)
        {
            foreach (var step in steps)
            {
                switch (step)
                {
                    case Step.Write { Operation: var operation }:
                        await ApplyAsync(operation).ConfigureAwait(false);
                        break;
                    case Step.Query query:
                        await JudgeAsync(query).ConfigureAwait(false);
                        break;
                }
            }

            // Every workload ends with a query per tenant over everything written, at a step that divides no split.
            for (var tenant = 0; tenant < WriteWorkloads.Tenants; tenant++)
            {
                await JudgeAsync(new Step.Query(tenant, 1, 0, 1, 0, 0, 0, int.MaxValue, 2, Instant: false)).ConfigureAwait(false);
            }

            return _violations;
        }

        private async Task ApplyAsync(WriteOperation operation)
        {
            switch (operation)
            {
                case WriteOperation.Push push:
                    await PushAsync(push).ConfigureAwait(false);
                    break;
                case WriteOperation.Crash crash:
                    var name = Cluster.IngesterNames[crash.Ingester % Cluster.IngesterNames.Count];
                    if (_down.Count < Tolerated && _down.Add(name))
                    {
                        Cluster.Crash(name);
                    }

                    break;
                case WriteOperation.RestartAll:
                    foreach (var crashed in _down.Order(StringComparer.Ordinal))
                    {
                        await Cluster.RestartAsync(crashed).ConfigureAwait(false);
                    }

                    _down.Clear();
                    break;
                case WriteOperation.Flush:
                    await Cluster.FlushAllAsync().ConfigureAwait(false);
                    break;
                case WriteOperation.FailStorePuts fail:
                    _harness.Store.FailNextPuts(fail.Count);
                    break;
                case WriteOperation.DropRequests drop:
                    Cluster.Network.DropNextRequests(LokiCluster.DistributorNode, Cluster.IngesterNames[drop.Ingester % Cluster.IngesterNames.Count], drop.Count);
                    break;
                case WriteOperation.Advance advance:
                    _harness.Advance(TimeSpan.FromSeconds(advance.Seconds));
                    break;
            }
        }

        // Entries a little before now, lines of varied byte length (some multi-byte) so bytes_* differ from counts.
        private async Task PushAsync(WriteOperation.Push push)
        {
            var now = _harness.NowNs;
            var entries = ImmutableArray.CreateBuilder<LogEntry>();
            for (var i = 0; i < push.Count; i++)
            {
                var ts = now - (push.BackSeconds * 1_000_000_000L) - ((push.Count - i) * 1_000_000L);
                entries.Add(new LogEntry(ts, $"line {_sequence}{new string('é', _sequence % 4)} of t{push.Tenant}"));
                _sequence++;
            }

            if (push.RepeatLast && entries.Count > 0)
            {
                entries.Add(entries[^1]);
            }

            var labels = $"{{app=\"app{push.Stream % 3}\", stream=\"s{push.Stream}\"}}";
            var tenant = $"tenant-{push.Tenant}";
            var result = await Cluster.PushAsync(new PushRequest(tenant, [new PushStream(labels, entries.ToImmutable())])).ConfigureAwait(false);
            var into = result.Outcome switch
            {
                PushOutcome.Acknowledged or PushOutcome.PartiallyAcknowledged => _acknowledged,
                PushOutcome.Indefinite => _uncertain,
                _ => null,
            };
            foreach (var stream in into is null ? [] : result.Streams)
            {
                var key = (tenant, stream.Labels);
                if (!into!.TryGetValue(key, out var set))
                {
                    set = [];
                    into[key] = set;
                }

                set.UnionWith(stream.Entries);
                _stamps.AddRange(stream.Entries.Select(e => e.TimestampNs));
            }
        }

        private async Task JudgeAsync(Step.Query query)
        {
            var tenant = $"tenant-{query.Tenant}";
            var text = Text(query);
            var request = Build(query, tenant, text);
            var response = await Cluster.QueryMetricAsync(request).ConfigureAwait(false);
            var label = $"query {query} = {text} over [{request.StartNs}, {request.EndNs}] step {request.StepNs}";
            if (response.StatusCode != 200 || response.Result is null)
            {
                _violations.Add($"query-failed: {label}: {response.StatusCode} {response.Error}");
                return;
            }

            if (await HoldsUncertainAsync(tenant).ConfigureAwait(false))
            {
                return;
            }

            var expected = MetricEvaluator.Evaluate(text, Data(tenant), ExpectedSteps(request));
            Compare(label, expected, response.Result, response.Splits);
        }

        private MetricRequest Build(Step.Query query, string tenant, string text)
        {
            var now = _harness.NowNs;
            long start, end;
            if (_stamps.Count == 0)
            {
                (start, end) = (now - 3_600_000_000_000L, now);
            }
            else if (query.To == int.MaxValue)
            {
                (start, end) = (_stamps.Min() - 60_000_000_000L, _stamps.Max() + 60_000_000_000L);
            }
            else
            {
                var a = _stamps[query.From % _stamps.Count] - ((query.From % 7) * 13_000_000_000L);
                var b = _stamps[query.To % _stamps.Count] + ((query.To % 5) * 17_000_000_000L);
                (start, end) = (Math.Min(a, b), Math.Max(a, b));
            }

            if (query.Instant)
            {
                return MetricRequest.Instant(tenant, text, end);
            }

            // The step asked for, raised where needed to stay within Loki's 11,000 points.
            var step = Math.Max(StepSeconds[query.Step] * 1_000_000_000L, ((end - start) / MetricQueryErrors.MaxPointsPerSeries) + 1);
            return new MetricRequest(tenant, text, start, end, step, query.From % 2 == 0 ? Direction.Forward : Direction.Backward);
        }

        // The frontend aligns a split query's steps to the step (loki splitters.go alignStartEnd); unsplit, it does not.
        private MetricQuery ExpectedSteps(MetricRequest request)
        {
            if (request.IsInstant)
            {
                return MetricQuery.Instant(request.StartNs);
            }

            if (Cluster.ReadPath.SplitQueriesByInterval <= TimeSpan.Zero)
            {
                return MetricQuery.Range(request.StartNs, request.EndNs, request.StepNs);
            }

            var (start, end) = MetricSplitter.AlignToStep(request.StartNs, request.EndNs, request.StepNs);
            return start < end ? MetricQuery.Range(start, end, request.StepNs) : MetricQuery.Range(request.StartNs, request.EndNs, request.StepNs);
        }

        // Whether the cluster holds any entry of the tenant that only an indefinite push wrote.
        private async Task<bool> HoldsUncertainAsync(string tenant)
        {
            var held = await Cluster.ReadAllAsync().ConfigureAwait(false);
            return held.Any(r => r.Tenant == tenant
                && _uncertain.TryGetValue((r.Tenant, r.Labels), out var entries)
                && entries.Contains(r.Entry)
                && !(_acknowledged.TryGetValue((r.Tenant, r.Labels), out var acked) && acked.Contains(r.Entry)));
        }

        // The tenant's acknowledged entries, per stream.
        private List<LogStream> Data(string tenant)
        {
            var streams = new Dictionary<string, HashSet<LogEntry>>(StringComparer.Ordinal);
            foreach (var ((_, labels), entries) in _acknowledged.Where(kv => kv.Key.Tenant == tenant))
            {
                Add(streams, labels, entries);
            }

            return [.. streams.Select(kv => new LogStream(CanonicalLabels.Parse(kv.Key, Cluster.Options.Spec.CanonicalLabels), [.. kv.Value]))];
        }

        private static void Add(Dictionary<string, HashSet<LogEntry>> streams, string labels, IEnumerable<LogEntry> entries)
        {
            if (!streams.TryGetValue(labels, out var set))
            {
                set = [];
                streams[labels] = set;
            }

            set.UnionWith(entries);
        }

        private void Compare(string label, MetricResult expected, MetricResult actual, int splits)
        {
            var want = expected.Series.ToDictionary(s => MetricMerge.SeriesKey(s.Metric), StringComparer.Ordinal);
            var got = actual.Series.ToDictionary(s => MetricMerge.SeriesKey(s.Metric), StringComparer.Ordinal);
            foreach (var key in want.Keys.Union(got.Keys).Order(StringComparer.Ordinal))
            {
                var w = want.TryGetValue(key, out var ws) ? ws.Points : [];
                var g = got.TryGetValue(key, out var gs) ? gs.Points : [];
                if (!Same(w, g))
                {
                    _violations.Add($"wrong-series: {label}: {key}\n  expected {Describe(w)}\n  got      {Describe(g)}");
                }
            }

            if (actual.IsVector != expected.IsVector)
            {
                _violations.Add($"wrong-type: {label}: vector {actual.IsVector}, expected {expected.IsVector}");
            }

            // Merged answers are ordered by the Prometheus label string (matrixMerge); a lone piece keeps the engine's order.
            var keys = actual.Series.Select(s => MetricMerge.SeriesKey(s.Metric)).ToList();
            var order = splits > 1
                ? keys.Order(Utf8Order.Instance).ToList()
                : [.. actual.Series.OrderBy(s => s.Metric, PromLabelsComparer.Instance).Select(s => MetricMerge.SeriesKey(s.Metric))];
            if (!keys.SequenceEqual(order, StringComparer.Ordinal))
            {
                _violations.Add($"wrong-order: {label}: {string.Join(" ", keys)}");
            }
        }

        private static bool Same(ImmutableArray<SamplePoint> a, ImmutableArray<SamplePoint> b) =>
            a.Length == b.Length && a.Zip(b).All(p => p.First.TimestampMs == p.Second.TimestampMs
                && Math.Abs(p.First.Value - p.Second.Value) <= 1e-9 * Math.Max(1, Math.Abs(p.First.Value)));

        private static string Describe(ImmutableArray<SamplePoint> points) =>
            points.Length == 0 ? "(none)" : string.Join(" ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.TimestampMs}={p.Value}")));
    }
}
