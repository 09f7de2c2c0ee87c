using System.Text;
using Verified.Reference.Elasticsearch;
using Verified.Reference.Elasticsearch.Cluster;
using Verified.Reference.Elasticsearch.Replication;
using Verified.Reference.Simulation;
using Verified.Routing;

namespace Verified.Conformance.Elasticsearch;

/// <summary>
/// Runs one generated history on a fresh simulated cluster (3 data nodes, index <c>i</c>, 1 shard, 2 replicas,
/// links with 1–21 ms latency so messages overtake each other and 5% of requests lost): each write starts and runs concurrently with the
/// following steps; the checker runs after every step; then faults stop, everything is delivered and the quiet-down
/// invariants are checked. Deterministic given the seed and the steps.
/// </summary>
public static class EsHarness
{
    /// <summary>The index every history writes to.</summary>
    public const string IndexName = "i";

    /// <summary>
    /// The clients' write timeout: short, so that some clients give up and never retry — without that, every
    /// operation a demoted primary assigned is re-sent and refills its slot, and trimming could never matter.
    /// </summary>
    public static readonly TimeSpan WriteTimeout = TimeSpan.FromMilliseconds(150);

    /// <summary>Data nodes.</summary>
    public const int Nodes = 3;

    /// <summary>Runs <paramref name="steps"/> and returns the violations found (empty when all invariants held).</summary>
    public static EsRun Run(IReadOnlyList<EsStep> steps, int seed) => Run(steps, seed, ReplicationFaults.None);

    internal static EsRun Run(IReadOnlyList<EsStep> steps, int seed, ReplicationFaults faults) =>
        OffContext(() => RunOffContext(steps, seed, faults));

    /// <summary>
    /// Runs <paramref name="run"/> with no synchronization context. Continuations must run inline when the clock
    /// advances; .NET queues them instead on a thread with a context (xunit's), and Task.Run's task may be inlined into
    /// a waiting thread, so the context is cleared for the run.
    /// </summary>
    internal static T OffContext<T>(Func<T> run)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return run();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private static EsRun RunOffContext(IReadOnlyList<EsStep> steps, int seed, ReplicationFaults faults)
    {
        var clock = new SimulatedClock(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
        var cluster = new EsCluster(Nodes, clock, new Random(seed), faults);
        cluster.Network.DefaultLinkFaults = new LinkFaults(Delay: TimeSpan.FromMilliseconds(1), Jitter: TimeSpan.FromMilliseconds(20));
        cluster.Master.CreateIndex(IndexRouting.Create(ElasticsearchRouting.Instance, 1, index: IndexName), replicas: 2);
        clock.Advance(TimeSpan.FromSeconds(1));
        cluster.Network.DefaultLinkFaults = cluster.Network.DefaultLinkFaults with { RequestDropRate = 0.05 };
        if (cluster.Coordinator.State?.Indices.ContainsKey(IndexName) != true)
        {
            throw new InvalidOperationException($"setup: coordinator state {cluster.Coordinator.State?.Version}, master {cluster.Master.State.Version}, timers {clock.PendingTimers}, in flight {cluster.Network.InFlight}");
        }

        var writes = new List<EsWrite>();
        var violations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            Apply(cluster, clock, step, writes);
            clock.Advance(TimeSpan.FromMilliseconds(2));
            violations.UnionWith(EsChecker.CheckStep(cluster, writes));
        }

        // Quiet down: no more faults, every node back, fair delivery, retries until answered.
        cluster.Network.ClearFaults();
        foreach (var name in cluster.NodeNames)
        {
            cluster.Restart(name);
        }

        cluster.Heal();
        for (var round = 0; round < 5; round++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            cluster.Master.Reroute();
            cluster.Master.Republish();
            Sync(cluster);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        violations.UnionWith(EsChecker.CheckStep(cluster, writes));
        if (writes.Any(w => !w.Answered))
        {
            violations.Add($"Liveness: writes still unanswered after quiet-down: {string.Join("; ", writes.Where(w => !w.Answered))}");
        }

        violations.UnionWith(writes.Where(w => w.Crashed is not null).Select(w => $"Crash: {w}: {w.Crashed}"));
        violations.UnionWith(EsChecker.CheckQuiet(cluster));
        return new EsRun(seed, steps, writes, [.. violations.Order(StringComparer.Ordinal)]);
    }

    internal static void Sync(EsCluster cluster)
    {
        foreach (var name in cluster.NodeNames)
        {
            _ = cluster.Node(name)?.SyncCheckpointsAsync();
        }
    }

    internal static void Apply(EsCluster cluster, SimulatedClock clock, EsStep step, List<EsWrite> writes)
    {
        switch (step)
        {
            case EsStep.Index(var key, var value):
                Start(cluster, writes, new EsWrite(writes.Count, OperationKind.Index, $"d{key}", $"{{\"v\":{value}}}"));
                break;
            case EsStep.Delete(var key):
                Start(cluster, writes, new EsWrite(writes.Count, OperationKind.Delete, $"d{key}", null));
                break;
            case EsStep.Crash(var node):
                cluster.Crash(cluster.NodeNames[node % Nodes]);
                break;
            case EsStep.Restart(var node):
                cluster.Restart(cluster.NodeNames[node % Nodes]);
                break;
            case EsStep.Disconnect(var node):
                cluster.Disconnect(cluster.NodeNames[node % Nodes]);
                break;
            case EsStep.Heal:
                cluster.Heal();
                break;
            case EsStep.Advance(var millis):
                clock.Advance(TimeSpan.FromMilliseconds(millis));
                break;
            case EsStep.DropNext(var from, var to):
                cluster.Network.DropNextRequests(cluster.NodeNames[from % Nodes], to >= Nodes ? EsCluster.MasterNode : cluster.NodeNames[to]);
                break;
            case EsStep.SyncCheckpoints:
                Sync(cluster);
                break;
            case EsStep.Search:
                break;
            default:
                throw new ArgumentException($"unknown step {step}", nameof(step));
        }
    }

    internal static void Start(EsCluster cluster, List<EsWrite> writes, EsWrite write, string index = IndexName)
    {
        writes.Add(write);
        var task = write.Kind == OperationKind.Delete
            ? cluster.Coordinator.DeleteAsync(index, write.Id, timeout: WriteTimeout)
            : cluster.Coordinator.IndexAsync(index, write.Id, write.Source!, timeout: WriteTimeout);
        _ = task.ContinueWith(
            t =>
            {
                write.Answered = true;
                write.Acked = t.IsCompletedSuccessfully ? t.Result.Response?.Op : null;
                write.Error = t.IsCompletedSuccessfully ? t.Result.Error?.Reason : null;
                write.Crashed = t.Exception?.GetBaseException().Message;
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}

/// <summary>One run's history and verdict; <see cref="ToString"/> prints everything needed to replay it.</summary>
/// <param name="Seed">The network seed.</param>
/// <param name="Steps">The generated steps.</param>
/// <param name="Writes">The client writes and their outcomes.</param>
/// <param name="Violations">Invariant violations, empty when the run conforms.</param>
public sealed record EsRun(int Seed, IReadOnlyList<EsStep> Steps, IReadOnlyList<EsWrite> Writes, IReadOnlyList<string> Violations)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"seed {Seed}; steps: {string.Join(", ", Steps)}");
        text.AppendLine($"writes: {string.Join("; ", Writes)}");
        foreach (var v in Violations)
        {
            text.AppendLine("  " + v);
        }

        return text.ToString();
    }
}
