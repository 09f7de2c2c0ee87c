using System.Collections.Immutable;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Push;
using Verified.Reference.Loki.Ring;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;
using LokiDistributor = Verified.Reference.Loki.Distributor.Distributor;
using LokiIngester = Verified.Reference.Loki.Ingester.Ingester;
using LokiRing = Verified.Reference.Loki.Ring.Ring;

namespace Verified.Reference.Loki.Cluster;

/// <summary>
/// A simulated Loki write path: one distributor, N ingesters (each with its own disk and WAL) on a simulated
/// network, a shared object store with its chunk index, and a dskit ring fed by the ingesters' own lifecycles.
/// Ingesters can crash (memory lost, disk keeps what it synced) and restart (WAL replay, then ring join).
/// Time, randomness, disks and the store are injected, so a run is reproducible from its seed.
/// </summary>
public sealed partial class LokiCluster
{
    /// <summary>The distributor's node name on the network.</summary>
    public const string DistributorNode = "distributor-0";

    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tenants = new(StringComparer.Ordinal);
    private readonly Func<string, IDisk> _diskFor;
    private readonly TokenGenerator _tokens;
    private LokiRing _ring;

    /// <summary>Builds the cluster; call <see cref="StartAsync"/> before pushing.</summary>
    public LokiCluster(LokiClusterOptions options, TimeProvider time, Random random, IObjectStore store, Func<string, IDisk> diskFor)
    {
        Options = options;
        Time = time;
        Random = random;
        Store = store;
        _diskFor = diskFor;
        _tokens = new TokenGenerator(random);
        Network = new SimNetwork(time, random);
        Index = new ChunkIndex(store);
        _ring = new LokiRing(options.Spec, []);
        Distributor = new LokiDistributor(
            options.Spec,
            () => _ring,
            new NetworkIngesterClient(Network, DistributorNode),
            time,
            _ => options.Limits,
            null,
            null,
            options.DistributorFaults);
        for (var i = 0; i < options.Ingesters; i++)
        {
            var name = $"ingester-{i}";
            _members[name] = new Member(name, diskFor(name));
        }
    }

    /// <summary>The options.</summary>
    public LokiClusterOptions Options { get; }

    /// <summary>The injected clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The injected randomness.</summary>
    public Random Random { get; }

    /// <summary>The shared object store.</summary>
    public IObjectStore Store { get; }

    /// <summary>The shared chunk index.</summary>
    public ChunkIndex Index { get; }

    /// <summary>The simulated network (faults can be injected through it).</summary>
    public SimNetwork Network { get; }

    /// <summary>The distributor.</summary>
    public LokiDistributor Distributor { get; }

    /// <summary>The current ring snapshot.</summary>
    public LokiRing Ring => _ring;

    /// <summary>Ingester names, in order.</summary>
    public IReadOnlyList<string> IngesterNames => [.. _members.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The ingester process now running under <paramref name="name"/>, or null while it is down.</summary>
    public LokiIngester? IngesterOf(string name) => _members[name].Process;

    /// <summary>Starts every ingester (WAL replay, then ring join).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        foreach (var name in IngesterNames)
        {
            await StartIngesterAsync(_members[name], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Pushes through the distributor and waits until every send of the push has finished.</summary>
    public async Task<PushResult> PushAsync(PushRequest request, CancellationToken cancellationToken = default)
    {
        _tenants.Add(request.Tenant);
        var result = await Distributor.PushWithOutcomeAsync(request, cancellationToken).ConfigureAwait(false);
        // The distributor answers at quorum; the other replicas still get the data (detached sends).
        await Distributor.WhenSendsCompleteAsync().ConfigureAwait(false);
        return result;
    }

    /// <summary>Crashes an ingester: its memory is gone, its calls fail; its disk keeps what it synced.</summary>
    public void Crash(string name)
    {
        var member = _members[name];
        member.Process?.Crash();
        member.Process = null;
        Network.Crash(name);
        if (member.Disk is InMemoryDisk disk)
        {
            disk.Crash(Random);
        }
    }

    /// <summary>Restarts a crashed ingester over the same disk: WAL replay, then it rejoins the ring.</summary>
    public Task RestartAsync(string name, CancellationToken cancellationToken = default)
    {
        var member = _members[name];
        if (member.Process is not null)
        {
            throw new InvalidOperationException($"{name} is running; crash it first");
        }

        Network.Restart(name);
        return StartIngesterAsync(member, cancellationToken);
    }

    /// <summary>Runs one flush pass on every running ingester (forced: every chunk with data).</summary>
    public async Task FlushAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var member in _members.Values.Where(m => m.Process is not null))
        {
            await member.Process!.FlushAllAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StartIngesterAsync(Member member, CancellationToken cancellationToken)
    {
        var dependencies = new IngesterDependencies(member.Disk, Store, Index, Time, Random)
        {
            JoinRingAsync = _ => JoinRing(member),
            IsOwned = (_, _, token) => Owns(member.Name, token),
            HealthyIngesters = () => _members.Values.Count(m => m.Process is not null),
        };
        var process = new LokiIngester(Options.IngesterConfig, dependencies, Options.IngesterFaults);
        Network.Register<IngesterPushRequest, IngesterPushResponse>(member.Name, (request, ct) => process.PushAsync(request, ct));
        member.Process = process;
        await process.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Member(string name, IDisk disk)
    {
        public string Name { get; } = name;

        public IDisk Disk { get; } = disk;

        public LokiIngester? Process { get; set; }

        public InstanceLifecycle? Lifecycle { get; set; }

        public ImmutableArray<uint> Tokens { get; set; } = [];

        public long Heartbeat { get; set; }
    }
}
