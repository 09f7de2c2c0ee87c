namespace Verified.Reference.Elasticsearch.Search;

/// <summary>One copy of a shard a search may use: its node and store, or the error trying it gives (node gone, copy failed).</summary>
/// <param name="NodeId">The node holding the copy.</param>
/// <param name="Store">The copy's documents, when it can answer.</param>
/// <param name="Failure">The error it answers with instead, when it cannot.</param>
public sealed record SearchCopy(string NodeId, ShardIndex? Store, ElasticsearchError? Failure = null)
{
    /// <summary>A copy that answers from <paramref name="store"/>.</summary>
    public static SearchCopy Available(string nodeId, ShardIndex store) => new(nodeId, store);

    /// <summary>A copy that fails with <paramref name="error"/>.</summary>
    public static SearchCopy Failed(string nodeId, ElasticsearchError error) => new(nodeId, null, error);
}
