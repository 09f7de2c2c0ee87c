using System.Globalization;
using System.Text.Json;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// Parses a search body: <c>query</c>, <c>from</c>, <c>size</c>, <c>sort</c>, <c>track_total_hits</c>
/// (ES SearchSourceBuilder.parseXContent; unknown keys: <c>Unknown key for a VALUE_NUMBER in [x].</c>).
/// </summary>
public static class SearchRequestParser
{
    /// <summary>Parses <paramref name="body"/>; an empty body is <see cref="SearchRequest.MatchAll"/>. Bad input throws <see cref="SearchException"/>.</summary>
    public static SearchRequest Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return SearchRequest.MatchAll;
        }

        PositionedJson root;
        try
        {
            root = PositionedJson.Parse(body);
        }
        catch (JsonException e)
        {
            // Jackson's wording cannot be reproduced; the type is what ES 8 answers for unparsable JSON.
            throw new SearchException(new ElasticsearchError("x_content_parse_exception", e.Message, 400));
        }

        if (root.Kind != JsonKind.Object)
        {
            throw SearchException.Parsing($"Expected [START_OBJECT] but found [{root.TokenName}]", root);
        }

        Query query = new MatchAllQuery();
        var from = 0;
        var size = SearchRequest.DefaultSize;
        List<SortField> sort = [];
        int? track = SearchRequest.DefaultTrackTotalHitsUpTo;
        foreach (var (key, _, _, value) in root.Properties)
        {
            switch (key)
            {
                case "query" when value.Kind == JsonKind.Object:
                    query = QueryParser.Parse(value);
                    break;
                case "from" when value.Kind is JsonKind.Number or JsonKind.String:
                    from = Int(value, key);
                    if (from < 0)
                    {
                        throw SearchException.IllegalArgument($"[from] parameter cannot be negative, found [{from}]");
                    }

                    break;
                case "size" when value.Kind is JsonKind.Number or JsonKind.String:
                    size = Int(value, key);
                    if (size < 0)
                    {
                        throw SearchException.IllegalArgument($"[size] parameter cannot be negative, found [{size}]");
                    }

                    break;
                case "sort":
                    sort.AddRange(ParseSort(value));
                    break;
                case "track_total_hits" when value.Kind is JsonKind.True or JsonKind.False:
                    track = value.Kind == JsonKind.True ? int.MaxValue : null;
                    break;
                case "track_total_hits" when value.Kind == JsonKind.Number:
                    track = Int(value, key);
                    break;
                default:
                    throw SearchException.Parsing($"Unknown key for a {value.TokenName} in [{key}].", value);
            }
        }

        return new SearchRequest(query, from, size, sort) { TrackTotalHitsUpTo = track };
    }

    private static IEnumerable<SortField> ParseSort(PositionedJson value)
    {
        switch (value.Kind)
        {
            case JsonKind.String:
                return [Default(value.Text!)];
            case JsonKind.Object:
                return value.Properties.Select(p => Keyed(p.Name, p.Value));
            case JsonKind.Array:
                return value.Items.SelectMany(ParseSort).ToList();
            default:
                throw SearchException.Parsing($"malformed sort format, within the sort array, an object, or an actual string are allowed", value);
        }
    }

    private static SortField Default(string field) => new(field, field == "_score");

    private static SortField Keyed(string field, PositionedJson spec)
    {
        if (spec.Kind == JsonKind.String)
        {
            return new SortField(field, Order(spec.Text!));
        }

        var sort = Default(field);
        foreach (var (key, _, _, v) in spec.Properties)
        {
            sort = key switch
            {
                "order" => sort with { Descending = Order(v.Text ?? string.Empty) },
                "missing" when v.Text is "_last" => sort with { MissingFirst = false },
                "missing" when v.Text is "_first" => sort with { MissingFirst = true },
                _ => throw SearchException.Parsing($"[{field}] unsupported sort option [{key}]", v),
            };
        }

        return sort;
    }

    private static bool Order(string order) => order switch
    {
        "asc" => false,
        "desc" => true,
        _ => throw SearchException.IllegalArgument($"Unknown SortOrder [{order}]"),
    };

    private static int Int(PositionedJson value, string key) =>
        int.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw SearchException.Parsing($"[{key}] failed to parse field [{key}]", value);
}
