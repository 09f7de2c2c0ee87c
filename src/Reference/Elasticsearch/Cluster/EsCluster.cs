using Verified.Reference.Elasticsearch.Replication;
using Verified.Reference.Simulation;

namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>
/// A simulated Elasticsearch cluster on the shared substrate: one master (the linearizable cluster-state writer,
/// never crashed here, as in FM replication.tla), N data nodes and one coordinating node on a <see cref="SimNetwork"/>
/// driven by the injected clock. Data nodes can crash (their copies are lost), be cut off from the master (the
/// master then fails their copies while they keep running) and come back empty.
/// </summary>
public sealed partial class EsCluster
{
    /// <summary>The master's node name.</summary>
    public const string MasterNode = "master";

    /// <summary>The coordinating node's name.</summary>
    public const string CoordinatorNode = "coordinator";

    private readonly Dictionary<string, DataNode> _nodes = new(StringComparer.Ordinal);
    private readonly ReplicationFaults _faults;
    private readonly List<ReplicaAccept> _accepts = [];

    /// <summary>A cluster of <paramref name="dataNodes"/> data nodes named <c>node-0</c>….</summary>
    public EsCluster(int dataNodes, TimeProvider time, Random random)
        : this(dataNodes, time, random, ReplicationFaults.None)
    {
    }

    internal EsCluster(int dataNodes, TimeProvider time, Random random, ReplicationFaults faults)
        : this(dataNodes, time, random, faults, Search.SearchFaults.None)
    {
    }

    internal EsCluster(int dataNodes, TimeProvider time, Random random, ReplicationFaults faults, Search.SearchFaults searchFaults)
    {
        _faults = faults;
        SearchFaults = searchFaults;
        Time = time;
        Network = new SimNetwork(time, random) { DefaultTimeout = TimeSpan.FromSeconds(30) };
        NodeNames = [.. Enumerable.Range(0, dataNodes).Select(i => $"node-{i}")];
        Coordinator = new Coordinator(Network, time, CoordinatorNode);
        foreach (var name in NodeNames)
        {
            _nodes[name] = new DataNode(Network, time, name, MasterNode, faults) { OnReplicaAccept = _accepts.Add };
            RegisterSearch(_nodes[name]);
        }

        Master = new Master(Network, MasterNode, NodeNames, [CoordinatorNode], faults) { SearchFaults = searchFaults };
    }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The network (fault injection).</summary>
    public SimNetwork Network { get; }

    /// <summary>The master.</summary>
    public Master Master { get; }

    /// <summary>The coordinating node.</summary>
    public Coordinator Coordinator { get; }

    /// <summary>Data node names.</summary>
    public IReadOnlyList<string> NodeNames { get; }

    /// <summary>Every request a replica accepted, in order.</summary>
    public IReadOnlyList<ReplicaAccept> ReplicaAccepts => _accepts;

    /// <summary>The running incarnation of <paramref name="name"/>, or null while it is down.</summary>
    public DataNode? Node(string name) => _nodes.GetValueOrDefault(name);

    /// <summary>Crashes a data node (its copies are gone); the master learns it left.</summary>
    public void Crash(string name)
    {
        if (_nodes.Remove(name, out var node))
        {
            node.Dead = true;
            Network.Crash(name);
            Master.NodeLeft(name);
        }
    }

    /// <summary>Restarts a crashed node empty; it rejoins, and the master allocates replicas to it.</summary>
    public void Restart(string name)
    {
        if (_nodes.ContainsKey(name))
        {
            return;
        }

        Network.Restart(name);
        _nodes[name] = new DataNode(Network, Time, name, MasterNode, _faults) { OnReplicaAccept = _accepts.Add };
        RegisterSearch(_nodes[name]);
        Master.NodeJoined(name);
        Master.Reroute();
    }

    /// <summary>Cuts <paramref name="name"/> off from the master and the master fails its copies; it keeps running (the Jepsen isolated-primary case).</summary>
    public void Disconnect(string name)
    {
        Network.Partition([name], [MasterNode]);
        Master.NodeLeft(name);
    }

    /// <summary>Heals partitions; disconnected nodes rejoin empty-handed (their copies were failed) and get new replicas.</summary>
    public void Heal()
    {
        Network.Heal();
        foreach (var name in _nodes.Keys.Where(n => !Master.State.Nodes.Contains(n)).ToList())
        {
            Master.NodeJoined(name);
        }

        Master.Reroute();
    }
}
