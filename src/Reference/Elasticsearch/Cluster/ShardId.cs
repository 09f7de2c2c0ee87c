namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>One shard of an index; printed as Elasticsearch prints it, <c>[index][0]</c> (ES ShardId.java).</summary>
/// <param name="Index">The index name.</param>
/// <param name="Shard">The shard number, in [0, number_of_shards).</param>
public readonly record struct ShardId(string Index, int Shard)
{
    /// <inheritdoc />
    public override string ToString() => $"[{Index}][{Shard}]";
}
