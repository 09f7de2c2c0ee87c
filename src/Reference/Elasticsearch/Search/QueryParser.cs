using System.Globalization;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// Parses the query DSL subset from a positioned JSON tree with Elasticsearch's errors
/// (ES AbstractQueryBuilder.parseTopLevelQuery / parseInnerQueryBuilder, MatchQueryBuilder, TermQueryBuilder,
/// RangeQueryBuilder, BoolQueryBuilder, IdsQueryBuilder, MatchAllQueryBuilder). Unknown query names get
/// <c>unknown query [x]</c> plus ES's "did you mean" suggestion (SuggestingErrorOnUnknown: Lucene Levenshtein
/// similarity &gt; 0.5 against the registered names; here: <see cref="KnownQueryNames"/>).
/// </summary>
internal static class QueryParser
{
    /// <summary>
    /// Query names an Elasticsearch 8.x node with the default distribution registers (server SearchModule and bundled
    /// modules) — the candidates for suggestions. Installed plugins add more, so suggestions are only as exact as this list.
    /// </summary>
    public static readonly string[] KnownQueryNames =
    [
        "bool", "boosting", "combined_fields", "constant_score", "dis_max", "distance_feature", "exists", "function_score",
        "fuzzy", "geo_bounding_box", "geo_distance", "geo_grid", "geo_shape", "has_child", "has_parent", "ids", "intervals",
        "knn", "match", "match_all", "match_bool_prefix", "match_none", "match_phrase", "match_phrase_prefix",
        "more_like_this", "multi_match", "nested", "parent_id", "percolate", "pinned", "prefix", "query_string", "range",
        "rank_feature", "regexp", "script", "script_score", "semantic", "shape", "simple_query_string", "span_containing",
        "span_field_masking", "span_first", "span_multi", "span_near", "span_not", "span_or", "span_term", "span_within",
        "sparse_vector", "term", "terms", "terms_set", "text_expansion", "weighted_tokens", "wildcard", "wrapper",
    ];

    private static readonly HashSet<string> Supported = ["match_all", "match", "term", "range", "bool", "ids"];

    /// <summary>Parses one query object <c>{"name":{…}}</c>.</summary>
    public static Query Parse(PositionedJson node)
    {
        if (node.Kind != JsonKind.Object)
        {
            throw SearchException.Parsing("[_na] query malformed, must start with start_object", node);
        }

        if (node.Properties.Count == 0)
        {
            // ES: IllegalArgumentException with the XContentLocation's "line:col" (empty clauses were removed in 6.0).
            throw SearchException.IllegalArgument($"query malformed, empty clause found at [{node.End.Line}:{node.End.Column}]");
        }

        var (name, _, _, body) = node.Properties[0];
        if (body.Kind != JsonKind.Object)
        {
            throw SearchException.Parsing($"[{name}] query malformed, no start_object after query name", body);
        }

        if (!Supported.Contains(name))
        {
            throw SearchException.Parsing($"unknown query [{name}]{Suggest(name, KnownQueryNames)}", body);
        }

        var query = name switch
        {
            "match_all" => (Query)ParseMatchAll(body),
            "match" => ParseMatch(body),
            "term" => ParseTerm(body),
            "range" => ParseRange(body),
            "bool" => ParseBool(body),
            _ => ParseIds(body),
        };

        if (node.Properties.Count > 1)
        {
            var next = node.Properties[1];
            throw SearchException.Parsing($"[{name}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]", next.Line, next.Column);
        }

        return query;
    }

    /// <summary>ES SuggestingErrorOnUnknown.suggest: "" or " did you mean [x]?" / " did you mean any of [x, y]?".</summary>
    public static string Suggest(string unknown, IEnumerable<string> candidates)
    {
        var scored = candidates
            .Select(c => (Distance: Similarity(unknown, c), Name: c))
            .Where(s => s.Distance > 0.5f)
            .OrderByDescending(s => s.Distance)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => s.Name)
            .ToList();
        return scored.Count switch
        {
            0 => string.Empty,
            1 => $" did you mean [{scored[0]}]?",
            _ => $" did you mean any of [{string.Join(", ", scored)}]?",
        };
    }

    /// <summary>Lucene LevenshteinDistance.getDistance: 1 − edits / max(length).</summary>
    internal static float Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1f : 0f;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return 1f - ((float)previous[b.Length] / Math.Max(a.Length, b.Length));
    }

    private static MatchAllQuery ParseMatchAll(PositionedJson body)
    {
        var boost = 1f;
        foreach (var (key, line, column, value) in body.Properties)
        {
            boost = key == "boost" ? Float(value, "match_all", key) : throw UnknownField("match_all", key, line, column);
        }

        return new MatchAllQuery { Boost = boost };
    }

    private static MatchQuery ParseMatch(PositionedJson body)
    {
        string? field = null;
        string? text = null;
        var and = false;
        string? msm = null;
        var boost = 1f;
        foreach (var (key, _, _, value) in body.Properties)
        {
            if (field is not null)
            {
                throw SearchException.Parsing($"[match] query doesn't support multiple fields, found [{field}] and [{key}]", value);
            }

            field = key;
            if (value.Kind != JsonKind.Object)
            {
                text = Scalar(value, "match", key);
                continue;
            }

            foreach (var (param, _, _, v) in value.Properties)
            {
                switch (param)
                {
                    case "query":
                        text = Scalar(v, "match", param);
                        break;
                    case "operator":
                        var op = Scalar(v, "match", param).ToLowerInvariant();
                        and = op switch
                        {
                            "and" => true,
                            "or" => false,
                            _ => throw SearchException.IllegalArgument($"No enum constant org.elasticsearch.index.query.Operator.{op.ToUpperInvariant()}"),
                        };
                        break;
                    case "minimum_should_match":
                        msm = Scalar(v, "match", param);
                        break;
                    case "boost":
                        boost = Float(v, "match", param);
                        break;
                    default:
                        throw SearchException.Parsing($"[match] query does not support [{param}]", v);
                }
            }
        }

        if (field is null || text is null)
        {
            throw SearchException.Parsing("No text specified for text query", body);
        }

        return new MatchQuery(field, text, and, msm) { Boost = boost };
    }

    private static TermQuery ParseTerm(PositionedJson body)
    {
        string? field = null;
        string? term = null;
        var boost = 1f;
        foreach (var (key, _, _, value) in body.Properties)
        {
            if (field is not null)
            {
                throw SearchException.Parsing($"[term] query doesn't support multiple fields, found [{field}] and [{key}]", value);
            }

            field = key;
            if (value.Kind != JsonKind.Object)
            {
                term = Scalar(value, "term", key);
                continue;
            }

            foreach (var (param, _, _, v) in value.Properties)
            {
                switch (param)
                {
                    case "value":
                        term = Scalar(v, "term", param);
                        break;
                    case "boost":
                        boost = Float(v, "term", param);
                        break;
                    default:
                        throw SearchException.Parsing($"[term] query does not support [{param}]", v);
                }
            }
        }

        if (field is null || term is null)
        {
            throw SearchException.IllegalArgument(field is null ? "field name is null or empty" : "value cannot be null");
        }

        return new TermQuery(field, term) { Boost = boost };
    }

    private static RangeQuery ParseRange(PositionedJson body)
    {
        RangeQuery? result = null;
        foreach (var (key, _, _, value) in body.Properties)
        {
            if (result is not null)
            {
                throw SearchException.Parsing($"[range] query doesn't support multiple fields, found [{result.Field}] and [{key}]", value);
            }

            if (value.Kind != JsonKind.Object)
            {
                throw SearchException.Parsing($"[range] query does not support [{key}]", value);
            }

            string? gt = null, gte = null, lt = null, lte = null;
            var boost = 1f;
            foreach (var (param, _, _, v) in value.Properties)
            {
                switch (param)
                {
                    case "gt":
                        gt = Bound(v);
                        break;
                    case "gte":
                        gte = Bound(v);
                        break;
                    case "lt":
                        lt = Bound(v);
                        break;
                    case "lte":
                        lte = Bound(v);
                        break;
                    case "boost":
                        boost = Float(v, "range", param);
                        break;
                    default:
                        throw SearchException.Parsing($"[range] query does not support [{param}]", v);
                }
            }

            result = new RangeQuery(key, gt, gte, lt, lte) { Boost = boost };
        }

        return result ?? throw SearchException.IllegalArgument("field name is null or empty");

        static string? Bound(PositionedJson v) => v.Kind == JsonKind.Null ? null : Scalar(v, "range", "bound");
    }

    private static BoolQuery ParseBool(PositionedJson body)
    {
        List<Query> must = [], filter = [], should = [], mustNot = [];
        string? msm = null;
        var boost = 1f;
        foreach (var (key, line, column, value) in body.Properties)
        {
            switch (key)
            {
                case "must":
                    Clauses(value, must);
                    break;
                case "filter":
                    Clauses(value, filter);
                    break;
                case "should":
                    Clauses(value, should);
                    break;
                case "must_not" or "mustNot":
                    Clauses(value, mustNot);
                    break;
                case "minimum_should_match":
                    msm = Scalar(value, "bool", key);
                    break;
                case "boost":
                    boost = Float(value, "bool", key);
                    break;
                default:
                    throw UnknownField("bool", key, line, column);
            }
        }

        return new BoolQuery(must, filter, should, mustNot, msm) { Boost = boost };

        static void Clauses(PositionedJson value, List<Query> into)
        {
            if (value.Kind == JsonKind.Array)
            {
                into.AddRange(value.Items.Select(Parse));
            }
            else
            {
                into.Add(Parse(value));
            }
        }
    }

    private static IdsQuery ParseIds(PositionedJson body)
    {
        List<string> values = [];
        var boost = 1f;
        foreach (var (key, line, column, value) in body.Properties)
        {
            switch (key)
            {
                case "values" when value.Kind == JsonKind.Array:
                    values.AddRange(value.Items.Select(i => Scalar(i, "ids", key)));
                    break;
                case "boost":
                    boost = Float(value, "ids", key);
                    break;
                default:
                    throw UnknownField("ids", key, line, column);
            }
        }

        return new IdsQuery(values) { Boost = boost };
    }

    /// <summary>ObjectParser's unknown-field error (ES 8 parses match_all, bool and ids with ObjectParser).</summary>
    private static SearchException UnknownField(string parser, string field, int line, int column) =>
        new(new ElasticsearchError("x_content_parse_exception", $"[{line}:{column}] [{parser}] unknown field [{field}]", 400));

    private static string Scalar(PositionedJson value, string query, string key) => value.Kind switch
    {
        JsonKind.String or JsonKind.Number => value.Text!,
        JsonKind.True => "true",
        JsonKind.False => "false",
        _ => throw SearchException.Parsing($"[{query}] unknown token [{value.TokenName}] after [{key}]", value),
    };

    private static float Float(PositionedJson value, string query, string key) =>
        float.TryParse(Scalar(value, query, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
            ? f
            : throw SearchException.Parsing($"[{query}] failed to parse field [{key}]", value);
}
