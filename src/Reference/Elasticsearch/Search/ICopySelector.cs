namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// Which copy of a shard answers a search (ES OperationRouting: adaptive replica selection, random, or a
/// preference). Result-neutral by design: every active copy holds the same acknowledged documents. The coordinator
/// fails over to the remaining copies in list order when the chosen one fails.
/// </summary>
public interface ICopySelector
{
    /// <summary>Picks one of <paramref name="copies"/> (never empty) of shard <paramref name="shardId"/>.</summary>
    T Select<T>(int shardId, IReadOnlyList<T> copies);
}
