namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// One sort key. <see cref="Field"/> is a field path, <c>_score</c> or <c>_doc</c>. Documents without a value sort
/// last by default (ES <c>missing: _last</c>) in both directions; multi-valued fields sort by their minimum ascending
/// and maximum descending (ES default sort mode).
/// </summary>
/// <param name="Field">Field path, <c>_score</c> or <c>_doc</c>.</param>
/// <param name="Descending">True for <c>desc</c>.</param>
/// <param name="MissingFirst">True for <c>missing: _first</c>.</param>
public sealed record SortField(string Field, bool Descending, bool MissingFirst = false)
{
    /// <summary>The relevance sort (<c>_score</c> descending), the default.</summary>
    public static SortField Score { get; } = new("_score", true);

    /// <summary>True when this key is the score.</summary>
    public bool IsScore => Field == "_score";

    /// <summary>True when this key is the shard doc id.</summary>
    public bool IsDoc => Field == "_doc";
}
