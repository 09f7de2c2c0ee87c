namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// A parsed search request body plus the URL parameters that matter here.
/// </summary>
/// <param name="Query">The query (default <c>match_all</c>).</param>
/// <param name="From">Hits to skip (default 0).</param>
/// <param name="Size">Hits to return (default 10).</param>
/// <param name="Sort">Sort keys; empty means <c>_score</c> descending.</param>
public sealed record SearchRequest(Query Query, int From, int Size, IReadOnlyList<SortField> Sort)
{
    /// <summary>Default <c>size</c>.</summary>
    public const int DefaultSize = 10;

    /// <summary>Default <c>track_total_hits</c> threshold (ES SearchContext.DEFAULT_TRACK_TOTAL_HITS_UP_TO).</summary>
    public const int DefaultTrackTotalHitsUpTo = 10_000;

    /// <summary>Count hits exactly up to this many, then report <c>gte</c>; <see cref="int.MaxValue"/> for <c>true</c>; null for <c>false</c> (no total).</summary>
    public int? TrackTotalHitsUpTo { get; init; } = DefaultTrackTotalHitsUpTo;

    /// <summary>The <c>allow_partial_search_results</c> parameter (default <c>search.default_allow_partial_results</c> = true).</summary>
    public bool AllowPartialSearchResults { get; init; } = true;

    /// <summary>The effective sort: <see cref="Sort"/>, or <c>_score</c> descending when empty.</summary>
    public IReadOnlyList<SortField> EffectiveSort => Sort.Count == 0 ? [SortField.Score] : Sort;

    /// <summary>True when a key sorts by a field or _doc only, so hits carry <c>sort</c> values and scores are not tracked.</summary>
    public bool SortsByField => Sort.Count > 0;

    /// <summary><c>match_all</c>, from 0, size 10, by score.</summary>
    public static SearchRequest MatchAll { get; } = new(new MatchAllQuery(), 0, DefaultSize, []);

    /// <summary>Parses a JSON body (see <see cref="SearchRequestParser"/>).</summary>
    public static SearchRequest Parse(string body) => SearchRequestParser.Parse(body);
}
