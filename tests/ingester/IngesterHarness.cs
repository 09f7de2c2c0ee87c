using System.Collections.Immutable;
using Verified.Reference.Loki.Chunks;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Push;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;
using Verified.Routing;

namespace Verified.Ingester.Tests;

/// <summary>
/// One ingester node over the shared simulation substrate: an in-memory disk that tears unsynced writes on a
/// crash, an in-memory object store, a test chunk index and a manual clock, all seeded. Restarting builds a new
/// <see cref="Reference.Loki.Ingester.Ingester"/> over the same disk, store and index, as a process restart does.
/// </summary>
internal sealed class IngesterHarness
{
    public const string Tenant = "fake";

    /// <summary>A Unix-ns time near the clock's start (2000-01-01), so entries are "now".</summary>
    public static readonly long BaseNs = SimulatedClock.DefaultStart.ToUnixTimeMilliseconds() * 1_000_000L;

    public IngesterHarness(IngesterConfig? config = null, IngesterFaults faults = IngesterFaults.None, int seed = 7)
    {
        Config = config ?? IngesterConfig.Default;
        Faults = faults;
        Random = new Random(seed);
    }

    private FaultyDisk? _nodeDisk;

    public IngesterConfig Config { get; set; }

    public IngesterFaults Faults { get; set; }

    public Random Random { get; }

    public InMemoryDisk Disk { get; } = new();

    /// <summary>What the ingester sees of <see cref="Disk"/> (renames can be made to fail).</summary>
    public FaultyDisk NodeDisk => _nodeDisk ??= new FaultyDisk(Disk);

    public HookedObjectStore Store { get; } = new();

    /// <summary>The current process's chunk index (a restart opens a new one from the store).</summary>
    public ChunkIndex Index { get; private set; } = null!;

    public SimulatedClock Clock { get; } = new();

    /// <summary>What the ring-join hook saw: the ingester's state and its streams' entry counts when it ran.</summary>
    public List<(string State, int Entries)> Joins { get; } = [];

    public Func<int>? HealthyIngesters { get; set; }

    public StreamOwnership? IsOwned { get; set; }

    public Reference.Loki.Ingester.Ingester Current { get; private set; } = null!;

    public static IngesterPushRequest Request(string labels, params (long Ts, string Line)[] entries) =>
        Request(Tenant, labels, entries);

    public static IngesterPushRequest Request(string tenant, string labels, params (long Ts, string Line)[] entries) =>
        new(tenant, [Stream(tenant, labels, entries)]);

    public static IngesterStream Stream(string tenant, string labels, params (long Ts, string Line)[] entries) =>
        new(labels, LokiRouting.TokenFor(tenant, labels), [.. entries.Select(e => new LogEntry(e.Ts, e.Line))]);

    public async Task<Reference.Loki.Ingester.Ingester> StartAsync()
    {
        Reference.Loki.Ingester.Ingester? ingester = null;
        Index = await ChunkIndex.OpenAsync(Store);
        var deps = new IngesterDependencies(NodeDisk, Store, Index, Clock, Random)
        {
            JoinRingAsync = async _ =>
            {
                var entries = await ingester!.QueryAsync(Tenant, long.MinValue, long.MaxValue, _ => true);
                Joins.Add((ingester.State, entries.Sum(s => s.Entries.Length)));
            },
            HealthyIngesters = HealthyIngesters,
            IsOwned = IsOwned,
        };
        ingester = new Reference.Loki.Ingester.Ingester(Config, deps, Faults);
        Current = ingester;
        await ingester.StartAsync();
        return ingester;
    }

    /// <summary>Power loss: the ingester loses its memory and the disk keeps synced bytes plus a torn prefix of the rest.</summary>
    public async Task<Reference.Loki.Ingester.Ingester> CrashAndRestartAsync()
    {
        Current.Crash();
        Disk.Crash(Random);
        return await StartAsync();
    }

    public async Task<IngesterPushResponse> PushAsync(string labels, params (long Ts, string Line)[] entries) =>
        await Current.PushAsync(Request(labels, entries));

    /// <summary>Chunk object keys of <paramref name="tenant"/> in the store.</summary>
    public async Task<IReadOnlyList<string>> ChunkKeysAsync(string tenant = Tenant) => await Store.ListAsync(tenant + "/");

    /// <summary>Every entry of <paramref name="tenant"/> in the store, decoded, with its stream's labels.</summary>
    public async Task<List<(string Labels, LogEntry Entry)>> StoredAsync(string tenant = Tenant)
    {
        var result = new List<(string, LogEntry)>();
        foreach (var key in await Store.ListAsync(tenant + "/"))
        {
            var bytes = await Store.GetAsync(key) ?? throw new InvalidOperationException(key);
            var chunk = StoredChunk.Decode(ChunkKey.Parse(tenant, key), bytes, Config.BlockSize, Config.TargetChunkSize);
            var labels = Reference.Loki.Labels.CanonicalLabels.Format(chunk.Labels, LokiRouting.Instance.CanonicalLabels);
            result.AddRange(chunk.Entries.Select(e => (labels, e)));
        }

        return result;
    }

    /// <summary>Every entry of <paramref name="tenant"/> in the current ingester's memory.</summary>
    public async Task<List<(string Labels, LogEntry Entry)>> InMemoryAsync(string tenant = Tenant) =>
        [.. (await Current.QueryAsync(tenant, long.MinValue, long.MaxValue, _ => true)).SelectMany(s => s.Entries.Select(e => (s.Labels, e)))];

    /// <summary>What a reader could find: memory and store, as (labels, ts, line) triples.</summary>
    public async Task<HashSet<(string Labels, long Ts, string Line)>> VisibleAsync(string tenant = Tenant)
    {
        var all = (await InMemoryAsync(tenant)).Concat(await StoredAsync(tenant));
        return [.. all.Select(x => (x.Labels, x.Entry.TimestampNs, x.Entry.Line))];
    }

    public static ImmutableArray<LogEntry> Entries(params (long Ts, string Line)[] entries) => [.. entries.Select(e => new LogEntry(e.Ts, e.Line))];
}
