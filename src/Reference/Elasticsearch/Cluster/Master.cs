using System.Collections.Immutable;
using Verified.Reference.Simulation;
using Verified.Reference.Elasticsearch.Replication;

namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>
/// The elected master: the single, linearizable writer of the cluster state (ES MasterService; FM replication.tla's
/// oracle). It creates indices, handles shard-started and shard-failed, promotes in-sync replicas and publishes each
/// new state to every node over the network, without waiting: nodes apply states asynchronously, and a dropped
/// publication is repaired by the next one (each carries the full state).
/// </summary>
public sealed partial class Master
{
    private readonly SimNetwork _network;
    private readonly List<ClusterState> _history = [];
    private readonly ImmutableArray<string> _subscribers;
    private int _nextAllocation;

    /// <summary>A master on <paramref name="network"/> as <paramref name="node"/>, with <paramref name="dataNodes"/> and the extra <paramref name="subscribers"/> (coordinating nodes).</summary>
    public Master(SimNetwork network, string node, IEnumerable<string> dataNodes, IEnumerable<string> subscribers)
        : this(network, node, dataNodes, subscribers, ReplicationFaults.None)
    {
    }

    internal Master(SimNetwork network, string node, IEnumerable<string> dataNodes, IEnumerable<string> subscribers, ReplicationFaults faults)
    {
        _network = network;
        Node = node;
        Faults = faults;
        State = ClusterState.Empty(dataNodes);
        _subscribers = [.. subscribers];
        _history.Add(State);
        network.Register<ShardFailedRequest, ShardStateResponse>(node, (r, _) => Task.FromResult(ShardFailed(r)));
        network.Register<ShardStartedRequest, ShardStateResponse>(node, (r, _) => Task.FromResult(ShardStarted(r)));
    }

    /// <summary>The master's node name.</summary>
    public string Node { get; }

    /// <summary>The current cluster state.</summary>
    public ClusterState State { get; private set; }

    /// <summary>Every state the master committed, in version order.</summary>
    public IReadOnlyList<ClusterState> History => _history;

    internal ReplicationFaults Faults { get; }

    /// <summary>Seeded search bugs given to every index created (tests only).</summary>
    internal Search.SearchFaults SearchFaults { get; init; }

    /// <summary>
    /// Creates an index: primary term 1 per shard, each primary STARTED on its own node (a fresh primary has nothing
    /// to recover), each replica INITIALIZING on a node without another copy of the shard, or UNASSIGNED.
    /// </summary>
    /// <exception cref="ArgumentException">The index exists.</exception>
    public ClusterState CreateIndex(IndexRouting routing, int replicas, int waitForActiveShards = 1)
    {
        if (State.Indices.ContainsKey(routing.Index))
        {
            throw new ArgumentException($"index [{routing.Index}] already exists", nameof(routing));
        }

        var nodes = State.Nodes.ToList();
        var routingTable = State.Routing;
        var inSync = ImmutableArray.CreateBuilder<ImmutableSortedSet<string>>();
        for (var s = 0; s < routing.Shards; s++)
        {
            var shard = new ShardId(routing.Index, s);
            var copies = ImmutableArray.CreateBuilder<ShardRouting>();
            for (var c = 0; c <= replicas; c++)
            {
                var node = c < nodes.Count ? nodes[(s + c) % nodes.Count] : null;
                var state = node is null ? ShardCopyState.Unassigned : ShardCopyState.Move(ShardCopyState.Unassigned, ShardCopyState.Initializing);
                if (c == 0 && node is not null)
                {
                    state = ShardCopyState.Move(state, ShardCopyState.Started);
                }

                copies.Add(new ShardRouting(shard, node is null ? "" : NewAllocationId(), node, c == 0, state));
            }

            routingTable = routingTable.SetItem(shard, copies.ToImmutable());
            inSync.Add(copies[0].Assigned ? [copies[0].AllocationId] : []);
        }

        var metadata = new IndexMetadata(routing, replicas, [.. Enumerable.Repeat(1L, routing.Shards)], inSync.ToImmutable(), waitForActiveShards) { SearchFaults = SearchFaults };
        return Commit(State with { Indices = State.Indices.SetItem(routing.Index, metadata), Routing = routingTable });
    }

    /// <summary>Allocates UNASSIGNED replicas of shards with an active primary to nodes holding no copy of the shard.</summary>
    public ClusterState Reroute()
    {
        var routing = State.Routing;
        foreach (var shard in State.AllShards())
        {
            var copies = routing[shard];
            if (copies.FirstOrDefault(c => c.Primary) is not { Active: true })
            {
                continue;
            }

            for (var i = 0; i < copies.Length; i++)
            {
                var free = State.Nodes.FirstOrDefault(n => copies.All(c => c.Node != n));
                if (copies[i].Assigned || free is null)
                {
                    continue;
                }

                copies = copies.SetItem(i, copies[i] with
                {
                    AllocationId = NewAllocationId(),
                    Node = free,
                    State = ShardCopyState.Move(copies[i].State, ShardCopyState.Initializing),
                });
            }

            routing = routing.SetItem(shard, copies);
        }

        return routing == State.Routing ? State : Commit(State with { Routing = routing });
    }

    /// <summary>A node joined (or came back empty after a crash).</summary>
    public ClusterState NodeJoined(string node) => State.Nodes.Contains(node) ? State : Commit(State with { Nodes = State.Nodes.Add(node) });

    /// <summary>A node left (fault detection): every copy on it fails, without a term check.</summary>
    public ClusterState NodeLeft(string node)
    {
        var state = State with { Nodes = State.Nodes.Remove(node) };
        foreach (var copy in State.Routing.Values.SelectMany(c => c).Where(c => c.Node == node).ToList())
        {
            state = FailCopy(state, copy, "node left");
        }

        return Commit(state);
    }

    /// <summary>Publishes the current state again (repairs dropped publications once the network is quiet).</summary>
    public void Republish() => Publish(State);

    private ShardStateResponse ShardStarted(ShardStartedRequest request)
    {
        var copy = State.Copy(request.Shard, request.AllocationId);
        if (copy is not { State: ShardCopyState.Initializing } || State.Term(request.Shard) != request.PrimaryTerm)
        {
            // A stale report (the copy was failed or re-allocated meanwhile): ignored, as ES ShardStartedClusterStateTaskExecutor does.
            return new ShardStateResponse(State.Version);
        }

        var started = copy with { State = ShardCopyState.Move(copy.State, ShardCopyState.Started) };
        var state = Replace(State, copy, started);
        var meta = state.Indices[request.Shard.Index];
        var inSync = meta.InSync[request.Shard.Shard].Add(copy.AllocationId);
        if (inSync.Count > meta.Copies)
        {
            // Trimmed to replicas + 1, keeping the ids that have routing entries (ES IndexMetadataUpdater).
            var routed = state.Copies(request.Shard).Select(c => c.AllocationId).ToHashSet(StringComparer.Ordinal);
            inSync = [.. inSync.OrderByDescending(routed.Contains).Take(meta.Copies)];
        }

        Commit(WithInSync(state, request.Shard, inSync));
        return new ShardStateResponse(State.Version);
    }

    private string NewAllocationId() => $"a{_nextAllocation++}";

    private ClusterState Commit(ClusterState next)
    {
        State = next with { Version = State.Version + 1 };
        _history.Add(State);
        Publish(State);
        return State;
    }

    private void Publish(ClusterState state)
    {
        foreach (var node in state.Nodes.Concat(_subscribers).Distinct(StringComparer.Ordinal))
        {
            _ = PublishToAsync(node, state);
        }
    }

    private async Task PublishToAsync(string node, ClusterState state)
    {
        try
        {
            await _network.CallAsync<PublishRequest, PublishResponse>(Node, node, new PublishRequest(state)).ConfigureAwait(false);
        }
        catch (RemoteCallException)
        {
            // Lost: the node catches up with a later publication.
        }
    }

    private static ClusterState Replace(ClusterState state, ShardRouting old, ShardRouting replacement)
    {
        var copies = state.Copies(old.Shard);
        return state with { Routing = state.Routing.SetItem(old.Shard, copies.Replace(old, replacement)) };
    }

    private static ClusterState WithInSync(ClusterState state, ShardId shard, ImmutableSortedSet<string> inSync)
    {
        var meta = state.Indices[shard.Index];
        return state with { Indices = state.Indices.SetItem(shard.Index, meta with { InSync = meta.InSync.SetItem(shard.Shard, inSync) }) };
    }

    private static ClusterState WithTerm(ClusterState state, ShardId shard, long term)
    {
        var meta = state.Indices[shard.Index];
        return state with { Indices = state.Indices.SetItem(shard.Index, meta with { PrimaryTerms = meta.PrimaryTerms.SetItem(shard.Shard, term) }) };
    }
}
