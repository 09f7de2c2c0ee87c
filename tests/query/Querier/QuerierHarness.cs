using System.Collections.Immutable;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Push;
using Verified.Reference.Loki.Querier;
using Verified.Reference.Loki.Ring;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;
using Verified.Routing;
using LokiIngester = Verified.Reference.Loki.Ingester.Ingester;

namespace Verified.Query.Tests.Querier;

/// <summary>
/// A small read-path cluster: N real ingesters (each on its own in-memory disk) sharing one in-memory object store,
/// chunk index and simulated clock; a ring of them (ACTIVE, fresh heartbeats, seeded tokens); and queriers over it.
/// Pushes go straight to the chosen ingesters, as the distributor would send them.
/// </summary>
internal sealed class QuerierHarness
{
    public const string Tenant = "fake";
    public const long Second = 1_000_000_000L;
    public const long Hour = 3600 * Second;

    private readonly Dictionary<string, LokiIngester> _byAddress = new(StringComparer.Ordinal);

    private QuerierHarness(IngesterConfig config)
    {
        Config = config;
        Index = new ChunkIndex(Store);
    }

    public IngesterConfig Config { get; }

    public SimulatedClock Clock { get; } = new();

    public InMemoryObjectStore Store { get; } = new();

    public ChunkIndex Index { get; }

    public List<LokiIngester> Ingesters { get; } = [];

    /// <summary>The ring queriers see; tests may replace it (stale heartbeats, other states).</summary>
    public Ring Ring { get; set; } = null!;

    public long NowNs => (Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;

    public long NowSeconds => Clock.GetUtcNow().ToUnixTimeSeconds();

    public static string Address(int i) => $"ingester-{i}:9095";

    public static async Task<QuerierHarness> StartAsync(int ingesters = 3, IngesterConfig? config = null, RingConfig? ringConfig = null)
    {
        var harness = new QuerierHarness(config ?? IngesterConfig.Default);
        for (var i = 0; i < ingesters; i++)
        {
            var deps = new IngesterDependencies(new InMemoryDisk(), harness.Store, harness.Index, harness.Clock, new Random(100 + i));
            var ingester = new LokiIngester(harness.Config, deps);
            await ingester.StartAsync();
            harness.Ingesters.Add(ingester);
            harness._byAddress[Address(i)] = ingester;
        }

        harness.Ring = harness.MakeRing(new long[ingesters], ringConfig);
        return harness;
    }

    /// <summary>A ring over the ingesters whose instance i heartbeated <paramref name="heartbeatAges"/>[i] seconds ago.</summary>
    public Ring MakeRing(long[] heartbeatAges, RingConfig? config = null)
    {
        var generator = new TokenGenerator(new Random(1));
        var taken = new HashSet<uint>();
        var instances = new List<RingInstance>();
        for (var i = 0; i < heartbeatAges.Length; i++)
        {
            var tokens = generator.Generate(16, taken);
            taken.UnionWith(tokens);
            instances.Add(new RingInstance($"ingester-{i}", Address(i), string.Empty, LokiRouting.InstanceStates.Active, [.. tokens], NowSeconds - heartbeatAges[i]));
        }

        return config is { } c ? new Ring(LokiRouting.Instance, instances, c) : new Ring(LokiRouting.Instance, instances);
    }

    public Reference.Loki.Querier.Querier Querier(QuerierConfig? config = null, IIngesterQueryClient? client = null) =>
        new(config ?? QuerierConfig.Default, Dependencies(client));

    internal Reference.Loki.Querier.Querier Querier(QuerierFaults faults, QuerierConfig? config = null) =>
        new(config ?? QuerierConfig.Default, Dependencies(null), faults);

    /// <summary>Pushes one stream to the ingesters listed (all by default); every push must be accepted.</summary>
    public async Task PushAsync(string labels, IEnumerable<LogEntry> entries, string tenant = Tenant, params int[] to)
    {
        var request = new IngesterPushRequest(tenant, [new IngesterStream(labels, LokiRouting.TokenFor(tenant, labels), [.. entries])]);
        foreach (var i in to.Length == 0 ? Enumerable.Range(0, Ingesters.Count) : to)
        {
            var response = await Ingesters[i].PushAsync(request);
            if (response.StatusCode != 200)
            {
                throw new InvalidOperationException($"push to ingester {i} failed: {response.StatusCode} {response.Body}");
            }
        }
    }

    public Task PushAsync(string labels, params (long Ts, string Line)[] entries) =>
        PushAsync(labels, entries.Select(e => new LogEntry(e.Ts, e.Line)));

    public async Task FlushAllAsync()
    {
        foreach (var ingester in Ingesters)
        {
            await ingester.FlushAllAsync();
        }
    }

    public static LogQueryRequest Request(long startNs, long endNs, Direction direction = Direction.Forward, int limit = 100, string tenant = Tenant, Func<string, bool>? matches = null) =>
        new(tenant, startNs, endNs, direction, limit, matches ?? (_ => true));

    /// <summary>The result flattened to (labels, ts, line) in result order.</summary>
    public static ImmutableArray<(string Labels, long Ts, string Line)> Flat(LogQueryResult result) =>
        [.. result.Streams.SelectMany(s => s.Entries.Select(e => (s.Labels, e.TimestampNs, e.Line)))];

    private QuerierDependencies Dependencies(IIngesterQueryClient? client) =>
        new(() => Ring, client ?? new LocalIngesterQueryClient(_byAddress), Store, Index, Clock);
}
