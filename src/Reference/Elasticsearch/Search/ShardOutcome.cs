namespace Verified.Reference.Elasticsearch.Search;

/// <summary>One shard's query-phase outcome as the coordinator receives it: a result or a failure.</summary>
/// <param name="Result">The answer, or null.</param>
/// <param name="Failure">The failure, or null.</param>
public sealed record ShardOutcome(ShardQueryResult? Result, ShardFailure? Failure)
{
    /// <summary>A shard that answered.</summary>
    public static ShardOutcome Success(ShardQueryResult result) => new(result, null);

    /// <summary>A shard that failed (every copy tried failed, or none was available).</summary>
    public static ShardOutcome Failed(ShardFailure failure) => new(null, failure);

    /// <summary>The shard's position in the request.</summary>
    public int ShardIndex => Result?.ShardIndex ?? Failure!.ShardIndex;
}
