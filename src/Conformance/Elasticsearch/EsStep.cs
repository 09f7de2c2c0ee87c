namespace Verified.Conformance.Elasticsearch;

/// <summary>One step of a generated Elasticsearch history (index and delete requests, faults, time).</summary>
public abstract record EsStep
{
    /// <summary>Index document <c>d{Key}</c> with value <paramref name="Value"/>; the request runs concurrently with later steps.</summary>
    /// <param name="Key">Which of a few ids.</param>
    /// <param name="Value">The source value.</param>
    public sealed record Index(int Key, int Value) : EsStep;

    /// <summary>Delete document <c>d{Key}</c>.</summary>
    /// <param name="Key">Which id.</param>
    public sealed record Delete(int Key) : EsStep;

    /// <summary>Crash data node <paramref name="Node"/> (its copies are lost; the master learns it left).</summary>
    /// <param name="Node">Node index.</param>
    public sealed record Crash(int Node) : EsStep;

    /// <summary>Restart a crashed node empty; the master allocates replicas to it.</summary>
    /// <param name="Node">Node index.</param>
    public sealed record Restart(int Node) : EsStep;

    /// <summary>Cut the node off from the master, which fails its copies while it keeps running.</summary>
    /// <param name="Node">Node index.</param>
    public sealed record Disconnect(int Node) : EsStep;

    /// <summary>Heal partitions; cut-off nodes rejoin.</summary>
    public sealed record Heal : EsStep;

    /// <summary>Let <paramref name="Millis"/> ms of simulated time pass (messages arrive, retries run).</summary>
    /// <param name="Millis">Milliseconds.</param>
    public sealed record Advance(int Millis) : EsStep;

    /// <summary>The next request from data node <paramref name="From"/> to node <paramref name="To"/> (the master when it equals the node count) is lost.</summary>
    /// <param name="From">Sender node index.</param>
    /// <param name="To">Receiver node index, or the node count for the master.</param>
    public sealed record DropNext(int From, int To) : EsStep;

    /// <summary>Every primary syncs its global checkpoint to its replicas.</summary>
    public sealed record SyncCheckpoints : EsStep;

    /// <summary>Search with query <paramref name="Query"/> (0 match_all, 1 term, 2 range, 3 bool must_not) over values <paramref name="Lo"/>..<paramref name="Hi"/> (search histories only).</summary>
    /// <param name="Query">Query shape.</param>
    /// <param name="Lo">Lower value (the term's value).</param>
    /// <param name="Hi">Upper value.</param>
    public sealed record Search(int Query, int Lo, int Hi) : EsStep;
}
