using Verified.Reference.Elasticsearch.Cluster;
using Verified.Reference.Simulation;

namespace Verified.Reference.Elasticsearch.Replication;

/// <summary>
/// A data node: applies published cluster states (asynchronously, in version order), holds its shard copies, and
/// serves the primary, replica, resync, recovery and get actions over the simulated network. One instance is one
/// incarnation: a crash loses it (copies are in memory), and a restarted node starts empty.
/// </summary>
public sealed partial class DataNode
{
    /// <summary>Simulated delay between retries of a recovery or a shard-state report.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly SimNetwork _network;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ShardCopy> _copies = new(StringComparer.Ordinal);

    /// <summary>Registers node <paramref name="name"/>'s handlers on <paramref name="network"/>; <paramref name="master"/> is the master's node.</summary>
    public DataNode(SimNetwork network, TimeProvider time, string name, string master)
        : this(network, time, name, master, ReplicationFaults.None)
    {
    }

    internal DataNode(SimNetwork network, TimeProvider time, string name, string master, ReplicationFaults faults)
    {
        _network = network;
        _time = time;
        Name = name;
        MasterNode = master;
        Faults = faults;
        network.Register<PublishRequest, PublishResponse>(name, (r, _) => Task.FromResult(Apply(r.State)));
        network.Register<PrimaryRequest, PrimaryResponse>(name, (r, _) => WriteOnPrimaryAsync(r));
        network.Register<ReplicaRequest, ReplicaResponse>(name, (r, _) => Task.FromResult(WriteOnReplica(r)));
        network.Register<ResyncRequest, ReplicaResponse>(name, (r, _) => Task.FromResult(Resync(r)));
        network.Register<CheckpointSyncRequest, ReplicaResponse>(name, (r, _) => Task.FromResult(SyncCheckpoint(r)));
        network.Register<RecoveryRequest, RecoveryResponse>(name, (r, _) => Task.FromResult(ServeRecovery(r)));
        network.Register<GetRequest, GetResponse>(name, (r, _) => Task.FromResult(Get(r)));
    }

    /// <summary>The node name.</summary>
    public string Name { get; }

    /// <summary>The master's node name.</summary>
    public string MasterNode { get; }

    /// <summary>The last cluster state this node applied.</summary>
    public ClusterState? AppliedState { get; private set; }

    /// <summary>The copies on this node, by allocation id.</summary>
    public IReadOnlyDictionary<string, ShardCopy> Copies => _copies;

    internal ReplicationFaults Faults { get; }

    /// <summary>Called each time a replica accepts a replication, resync or checkpoint request (for history checkers).</summary>
    public Action<ReplicaAccept>? OnReplicaAccept { get; set; }

    /// <summary>Set when this incarnation crashed: its background work stops.</summary>
    public bool Dead { get; internal set; }

    /// <summary>Applies <paramref name="state"/> unless an equal or newer one was applied already.</summary>
    internal PublishResponse Apply(ClusterState state)
    {
        if (AppliedState is { } applied && applied.Version >= state.Version)
        {
            return new PublishResponse(applied.Version);
        }

        AppliedState = state;
        foreach (var stale in _copies.Values.Where(c => state.Copy(c.Shard, c.AllocationId)?.Node != Name).ToList())
        {
            _copies.Remove(stale.AllocationId);
        }

        foreach (var shard in state.AllShards())
        {
            if (state.CopyOn(shard, Name) is { } routing)
            {
                ApplyCopy(state, routing);
            }
        }

        return new PublishResponse(state.Version);
    }

    private void ApplyCopy(ClusterState state, ShardRouting routing)
    {
        var term = state.Term(routing.Shard);
        if (!_copies.TryGetValue(routing.AllocationId, out var copy))
        {
            copy = new ShardCopy(routing.Shard, routing.AllocationId, routing.Primary ? term : 0, state.Indices[routing.Shard.Index]) { IsPrimary = routing.Primary };
            _copies[routing.AllocationId] = copy;
            if (!routing.Primary && routing.State == ShardCopyState.Initializing)
            {
                _ = RecoverAsync(copy);
            }

            return;
        }

        if (routing.Primary && !copy.IsPrimary && routing.Active)
        {
            if (Faults.HasFlag(ReplicationFaults.PromotionSkipsGapFill))
            {
                copy.AdoptTerm(term);
                copy.IsPrimary = true;
                _ = ResyncAsync(copy, state, copy.OperationsAbove(copy.GlobalCheckpoint));
                return;
            }

            var ops = copy.Promote(term);
            _ = ResyncAsync(copy, state, ops);
        }
        else if (!routing.Primary)
        {
            // Replicas take a newer term from the cluster state too (ES IndexShard.updateShardState → bumpPrimaryTerm).
            copy.AdoptTerm(term);
        }
    }

    private GetResponse Get(GetRequest request)
    {
        var copy = PrimaryCopy(request.Shard);
        return new GetResponse(copy.Get(request.Id));
    }

    /// <summary>The active primary copy of <paramref name="shard"/> here, or a retryable error.</summary>
    private ShardCopy PrimaryCopy(ShardId shard) =>
        _copies.Values.FirstOrDefault(c => c.Shard == shard && c.IsPrimary && !c.Failed)
        ?? throw new EsException(EsError.NotPrimaryHere(shard));

    private async Task<T?> CallMasterAsync<TRequest, T>(TRequest request)
        where T : class
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                return await _network.CallAsync<TRequest, T>(Name, MasterNode, request).ConfigureAwait(false);
            }
            catch (RemoteCallException)
            {
                if (Dead)
                {
                    return null;
                }

                await _time.DelayAsync(RetryDelay).ConfigureAwait(false);
            }
        }

        return null;
    }
}
