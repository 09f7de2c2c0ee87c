namespace Verified.Reference.Elasticsearch.Search;

/// <summary>A parsed query of the supported DSL subset. <see cref="Boost"/> multiplies the clause's score.</summary>
public abstract record Query
{
    /// <summary>The clause's <c>boost</c> (default 1).</summary>
    public float Boost { get; init; } = 1f;
}

/// <summary><c>match_all</c>: every document, constant score (boost).</summary>
public sealed record MatchAllQuery : Query;

/// <summary>
/// <c>match</c>: the text analyzed like the field (text: <see cref="StandardAnalyzer"/>; keyword: as is;
/// numbers/booleans: one exact value); the terms combined with OR (at least <see cref="MinimumShouldMatch"/>) or AND.
/// </summary>
/// <param name="Field">The field.</param>
/// <param name="Text">The query text (a JSON number or boolean is taken as its text).</param>
/// <param name="And">True for <c>operator: and</c>.</param>
/// <param name="MinimumShouldMatch">The <c>minimum_should_match</c> spec, or null.</param>
public sealed record MatchQuery(string Field, string Text, bool And, string? MinimumShouldMatch) : Query;

/// <summary><c>term</c>: an exact, not analyzed value on a keyword, text (exact token), numeric or boolean field.</summary>
/// <param name="Field">The field.</param>
/// <param name="Value">The value's text.</param>
public sealed record TermQuery(string Field, string Value) : Query;

/// <summary><c>range</c> on a numeric, keyword or text field; each bound's text or null; constant score.</summary>
/// <param name="Field">The field.</param>
/// <param name="Gt">Exclusive lower bound.</param>
/// <param name="Gte">Inclusive lower bound.</param>
/// <param name="Lt">Exclusive upper bound.</param>
/// <param name="Lte">Inclusive upper bound.</param>
public sealed record RangeQuery(string Field, string? Gt, string? Gte, string? Lt, string? Lte) : Query;

/// <summary><c>ids</c>: documents whose <c>_id</c> is one of <paramref name="Values"/>; constant score.</summary>
/// <param name="Values">The ids.</param>
public sealed record IdsQuery(IReadOnlyList<string> Values) : Query;

/// <summary>
/// <c>bool</c>: all of <see cref="Must"/> and <see cref="Filter"/>, none of <see cref="MustNot"/>, and at least the
/// minimum number of <see cref="Should"/> (default 1 when there is no must or filter clause, else 0). The score is the
/// sum of the matching must and should clauses' scores; filter and must_not add nothing.
/// </summary>
/// <param name="Must">Required, scoring.</param>
/// <param name="Filter">Required, not scoring.</param>
/// <param name="Should">Optional, scoring.</param>
/// <param name="MustNot">Excluding.</param>
/// <param name="MinimumShouldMatch">The <c>minimum_should_match</c> spec, or null.</param>
public sealed record BoolQuery(
    IReadOnlyList<Query> Must,
    IReadOnlyList<Query> Filter,
    IReadOnlyList<Query> Should,
    IReadOnlyList<Query> MustNot,
    string? MinimumShouldMatch) : Query;
