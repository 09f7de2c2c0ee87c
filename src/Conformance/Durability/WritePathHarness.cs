using System.Collections.Immutable;
using Verified.Conformance.History;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Push;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;

namespace Verified.Conformance.Durability;

/// <summary>
/// A started simulated cluster for the write-path checks (the one place they are built): a simulated clock at
/// 2026-11-25T00:00Z, in-memory disks with torn-write crashes, an in-memory store with injectable put failures,
/// all seeded. Its synchronous methods drive one step at a time (the state machine's actual side).
/// </summary>
public sealed class WritePathHarness
{
    /// <summary>Starts the cluster of <paramref name="options"/> from <paramref name="seed"/>.</summary>
    public WritePathHarness(LokiClusterOptions options, int seed)
    {
        Store = new InMemoryObjectStore(new Random(seed + 1));
        Cluster = new LokiCluster(options, Clock, new Random(seed), Store, _ => new InMemoryDisk());
        Sync(() => Cluster.StartAsync());
    }

    /// <summary>The cluster.</summary>
    public LokiCluster Cluster { get; }

    /// <summary>The simulated clock.</summary>
    public SimulatedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The object store (fault injection).</summary>
    public InMemoryObjectStore Store { get; }

    /// <summary>The Unix-nanosecond origin of the model's timestamps, fixed at the first push.</summary>
    public long? BaseNs { get; set; }

    /// <summary>Now, in Unix nanoseconds.</summary>
    public long NowNs => Clock.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;

    /// <summary>Pushes and returns the wire answer.</summary>
    public PushResponse Push(PushRequest request) => Sync(() => Cluster.PushAsync(request)).Response;

    /// <summary>Crashes one ingester.</summary>
    public void Crash(string name) => Cluster.Crash(name);

    /// <summary>Restarts one ingester (WAL replay, ring join).</summary>
    public void Restart(string name) => Sync(() => Cluster.RestartAsync(name));

    /// <summary>Flushes every chunk; the next <paramref name="failingPuts"/> store puts fail first.</summary>
    public void Flush(int failingPuts)
    {
        Store.FailNextPuts(failingPuts);
        Sync(() => Cluster.FlushAllAsync());
    }

    /// <summary>Moves the clock and heartbeats the running ingesters.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Cluster.Heartbeat();
    }

    /// <summary>Everything readable now.</summary>
    public ImmutableHashSet<StreamEntry> ReadAll() =>
        [.. Sync(() => Cluster.ReadAllAsync()).Select(r => new StreamEntry(r.Tenant, r.Labels, r.Entry))];

    // Off xunit's synchronization context, so the simulated clock's continuations run inline.
    private static T Sync<T>(Func<Task<T>> action) => Task.Run(action).GetAwaiter().GetResult();

    private static void Sync(Func<Task> action) => Task.Run(action).GetAwaiter().GetResult();
}
