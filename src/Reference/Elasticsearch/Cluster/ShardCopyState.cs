using Verified.Reference.Lifecycle;
using Verified.Routing;

namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>
/// The states of a shard copy (ES ShardRoutingState.java) and the only way the master changes them: through the
/// spec's ShardCopy lifecycle table (spec/elasticsearch.yaml), so a move the table does not list throws.
/// </summary>
public static class ShardCopyState
{
    /// <summary>No node holds the copy.</summary>
    public const string Unassigned = "UNASSIGNED";

    /// <summary>Allocated to a node and recovering (peer recovery from the primary, or a fresh primary).</summary>
    public const string Initializing = "INITIALIZING";

    /// <summary>Recovered and serving.</summary>
    public const string Started = "STARTED";

    /// <summary>Started and moving to another node.</summary>
    public const string Relocating = "RELOCATING";

    /// <summary>The spec table every move follows.</summary>
    public static LifecycleTable Table { get; } = ElasticsearchRouting.LifecycleTable;

    /// <summary>Whether <paramref name="state"/> is active (STARTED or RELOCATING), the states wait_for_active_shards counts.</summary>
    public static bool IsActive(string state) => state is Started or Relocating;

    /// <summary>Returns <paramref name="to"/> when the table allows <paramref name="from"/> → <paramref name="to"/>.</summary>
    /// <exception cref="InvalidOperationException">The table does not allow the move.</exception>
    public static string Move(string from, string to)
    {
        var machine = new SpecStateMachine(Table, from);
        machine.ChangeTo(to);
        return machine.State;
    }
}
