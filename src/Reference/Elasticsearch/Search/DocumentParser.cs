using System.Globalization;
using System.Text.Json;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// Turns a document's <c>_source</c> into field values under dynamic mapping (ES DocumentParser,
/// DynamicFieldsBuilder, FieldMapper; texts of ES 8.8+ where <c>DocumentParsingException</c> replaced
/// <c>MapperParsingException</c> for document parsing, type <c>document_parsing_exception</c>, status 400, reason
/// prefixed with the Jackson location <c>[line:col]</c>).
/// Objects flatten to dotted paths, dotted keys are the same as nested objects, arrays are multi-valued (arrays of
/// arrays flatten), <c>null</c> is no value. Numbers are coerced (ES <c>coerce: true</c>): a long field takes
/// <c>1.5</c> or <c>"1.5"</c> as 1 (truncated), a float field takes <c>"1.5"</c>.
/// </summary>
internal sealed class DocumentParser
{
    /// <summary>keyword sub-field <c>ignore_above</c> of ES's default dynamic string mapping (UTF-16 length, Java <c>String.length()</c>).</summary>
    public const int IgnoreAbove = 256;

    private readonly DynamicMapping _mapping;
    private readonly string _id;
    private readonly Dictionary<string, FieldType> _added = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldValues> _values = new(StringComparer.Ordinal);

    private DocumentParser(DynamicMapping mapping, string id)
    {
        _mapping = mapping;
        _id = id;
    }

    /// <summary>Parses <paramref name="sourceJson"/>; on success the mapping grows by the new fields.</summary>
    public static Dictionary<string, FieldValues> Parse(DynamicMapping mapping, string id, string sourceJson)
    {
        PositionedJson root;
        try
        {
            root = PositionedJson.Parse(sourceJson);
        }
        catch (JsonException e)
        {
            // Jackson's own message cannot be reproduced; the type is ES's, the reason is ours.
            throw new SearchException(new ElasticsearchError("document_parsing_exception", "failed to parse: " + e.Message, 400));
        }

        if (root.Kind != JsonKind.Object)
        {
            throw Fail(root.Line, root.Column, "Malformed content, must start with an object");
        }

        var parser = new DocumentParser(mapping, id);
        parser.ParseObject(root, string.Empty);
        mapping.Apply(parser._added);
        return parser._values;
    }

    private FieldType? TypeOf(string path) => _mapping.TypeOf(path) ?? (_added.TryGetValue(path, out var t) ? t : null);

    private void ParseObject(PositionedJson obj, string prefix)
    {
        foreach (var (name, line, column, value) in obj.Properties)
        {
            if (name.Length == 0)
            {
                throw Fail(line, column, "field name cannot be an empty string");
            }

            // A dotted key is the same as nested objects (ES expands dots in field names since 5.0).
            var parts = name.Split('.');
            var path = prefix;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                path = Join(path, parts[i]);
                EnsureObject(path, Join(prefix, name), line, column);
            }

            ParseValue(value, Join(path, parts[^1]), parts[^1]);
        }
    }

    private void EnsureObject(string path, string fullPath, int line, int column)
    {
        var existing = TypeOf(path);
        if (existing is null)
        {
            _added[path] = FieldType.Object;
        }
        else if (existing != FieldType.Object)
        {
            throw Fail(line, column, $"Could not dynamically add mapping for field [{fullPath}]. Existing mapping for [{path}] must be of type object but found [{existing.Value.Name()}].");
        }
    }

    private void ParseValue(PositionedJson value, string path, string leaf)
    {
        switch (value.Kind)
        {
            case JsonKind.Null:
                return;
            case JsonKind.Array:
                foreach (var item in value.Items)
                {
                    ParseValue(item, path, leaf);
                }

                return;
            case JsonKind.Object when TypeOf(path) is null or FieldType.Object:
                if (TypeOf(path) is null)
                {
                    _added[path] = FieldType.Object;
                }

                ParseObject(value, path);
                return;
        }

        var type = TypeOf(path);
        if (type is null)
        {
            type = value.Kind switch
            {
                JsonKind.String => FieldType.Text,
                JsonKind.Number => value.IsIntegral && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? FieldType.Long : FieldType.Float,
                _ => FieldType.Boolean,
            };
            _added[path] = type.Value;
            if (type == FieldType.Text)
            {
                _added[path + ".keyword"] = FieldType.Keyword;
            }
        }

        if (type == FieldType.Object)
        {
            throw Fail(value.Line, value.Column, $"object mapping for [{path}] tried to parse field [{leaf}] as object, but found a concrete value");
        }

        var values = Values(path, type.Value);
        switch (type.Value)
        {
            case FieldType.Text:
            {
                var text = TextOf(value, path, type.Value);
                values.Terms.AddRange(StandardAnalyzer.Tokenize(text));
                if (TypeOf(path + ".keyword") == FieldType.Keyword && text.Length <= IgnoreAbove)
                {
                    Values(path + ".keyword", FieldType.Keyword).Terms.Add(text);
                }

                break;
            }

            case FieldType.Keyword:
            {
                var text = TextOf(value, path, type.Value);
                if (text.Length <= IgnoreAbove)
                {
                    values.Terms.Add(text);
                }

                break;
            }

            case FieldType.Long:
                values.Numbers.Add(LongOf(value, path));
                break;
            case FieldType.Float:
                values.Numbers.Add(FloatOf(value, path));
                break;
            default:
                var b = BooleanOf(value, path);
                if (b is { } flag)
                {
                    values.Terms.Add(flag ? "true" : "false");
                    values.Numbers.Add(flag ? 1 : 0);
                }

                break;
        }
    }

    private FieldValues Values(string path, FieldType type)
    {
        if (!_values.TryGetValue(path, out var values))
        {
            values = new FieldValues(type);
            _values[path] = values;
        }

        return values;
    }

    private string TextOf(PositionedJson value, string path, FieldType type) => value.Kind switch
    {
        JsonKind.String or JsonKind.Number => value.Text!,
        JsonKind.True => "true",
        JsonKind.False => "false",
        _ => throw FieldFailure(value, path, type, new ElasticsearchError("illegal_state_exception", $"Can't get text on a {value.TokenName} at {value.Line}:{value.Column}", 500)),
    };

    private double LongOf(PositionedJson value, string path)
    {
        if (value.Kind is JsonKind.Number or JsonKind.String && value.Text!.Length > 0)
        {
            var text = value.Text!;
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return l;
            }

            // Coerce: a decimal is truncated toward zero (ES Numbers.toLong with coerce).
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            {
                if (d is >= -9.2233720368547758E18 and < 9.2233720368547758E18)
                {
                    return Math.Truncate(d);
                }

                throw FieldFailure(value, path, FieldType.Long, new ElasticsearchError("illegal_argument_exception", $"Value [{text}] is out of range for a long", 400));
            }
        }

        throw FieldFailure(value, path, FieldType.Long, NumberCause(value, "illegal_argument_exception"));
    }

    private double FloatOf(PositionedJson value, string path)
    {
        if (value.Kind is JsonKind.Number or JsonKind.String
            && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            return (float)d;
        }

        throw FieldFailure(value, path, FieldType.Float, NumberCause(value, "number_format_exception"));
    }

    private bool? BooleanOf(PositionedJson value, string path) => value.Kind switch
    {
        JsonKind.True => true,
        JsonKind.False => false,
        JsonKind.String when value.Text == "true" => true,
        JsonKind.String when value.Text == "false" => false,
        JsonKind.String when value.Text!.Length == 0 => null,
        _ => throw FieldFailure(value, path, FieldType.Boolean, new ElasticsearchError("illegal_argument_exception", $"Failed to parse value [{value.JavaPreview()}] as only [true] or [false] are allowed.", 400)),
    };

    private static ElasticsearchError NumberCause(PositionedJson value, string type) => value.Kind == JsonKind.String
        ? new ElasticsearchError(type, $"For input string: \"{value.Text}\"", 400)
        : new ElasticsearchError("illegal_argument_exception", $"Current token ({value.TokenName}) not numeric, can not use numeric value accessors", 400);

    /// <summary>
    /// ES FieldMapper.parse: the reason names the field, its type, the document id and a preview of the value; the
    /// location is where the parser stands after reading the preview (a container's closing token).
    /// </summary>
    private SearchException FieldFailure(PositionedJson value, string path, FieldType type, ElasticsearchError cause)
    {
        var (line, column) = value.End;
        var reason = $"failed to parse field [{path}] of type [{type.Name()}] in document with id '{_id}'. Preview of field's value: '{value.JavaPreview()}'";
        return new SearchException(new ElasticsearchError("document_parsing_exception", $"[{line}:{column}] {reason}", 400) { CausedBy = cause });
    }

    private static SearchException Fail(int line, int column, string reason) =>
        new(new ElasticsearchError("document_parsing_exception", $"[{line}:{column}] {reason}", 400));

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}
