using System.Text;
using System.Text.Json;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>
/// Bare <c>| json</c> (loki pkg/logql/log/parser.go JSONParser): every string, number and boolean field becomes a
/// label; nested objects join their sanitized keys with <c>_</c>; arrays and nulls are skipped; keys are the raw
/// (still escaped) JSON key text; a key colliding with a stream label or structured metadata gets <c>_extracted</c>;
/// a line that is not a JSON object, or breaks mid-way, sets <c>__error__=JSONParserErr</c> and keeps the fields
/// read before the fault. Reading stops at the top-level object's closing brace, as jsonparser.ObjectEach does.
/// </summary>
internal static class JsonExtractor
{
    /// <summary>The error label value (loki pkg/logql/log/error.go errJSON).</summary>
    public const string ErrorValue = "JSONParserErr";

    public static void Extract(string line, LabelsBuilder labels)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 1000 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                labels.SetError(ErrorValue, "expecting json object, but it is not");
                return;
            }

            ReadObject(ref reader, [], labels);
        }
        catch (JsonException e)
        {
            labels.SetError(ErrorValue, e.Message);
        }
    }

    private static void ReadObject(ref Utf8JsonReader reader, List<string> prefix, LabelsBuilder labels)
    {
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var key = Encoding.UTF8.GetString(reader.ValueSpan);
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    Set(prefix, key, (reader.GetString() ?? "").Replace('\uFFFD', ' '), labels);
                    break;
                case JsonTokenType.Number:
                    Set(prefix, key, Encoding.UTF8.GetString(reader.ValueSpan), labels);
                    break;
                case JsonTokenType.True:
                    Set(prefix, key, "true", labels);
                    break;
                case JsonTokenType.False:
                    Set(prefix, key, "false", labels);
                    break;
                case JsonTokenType.StartObject:
                    prefix.Add(key);
                    ReadObject(ref reader, prefix, labels);
                    prefix.RemoveAt(prefix.Count - 1);
                    break;
                case JsonTokenType.StartArray:
                    reader.Skip();
                    break;
                default:
                    break; // null
            }
        }

        throw new JsonException("unexpected end of JSON input");
    }

    private static void Set(List<string> prefix, string key, string value, LabelsBuilder labels)
    {
        string name;
        if (prefix.Count == 0)
        {
            name = KeySanitizer.Sanitize(key);
            if (name.Length == 0)
            {
                return;
            }

            if (labels.BaseHas(name) || labels.MetadataHas(name))
            {
                name += KeySanitizer.DuplicateSuffix;
            }
        }
        else
        {
            name = Join(prefix, key);
            if (labels.BaseHas(name) || labels.MetadataHas(name))
            {
                name = Join(prefix, key + KeySanitizer.DuplicateSuffix);
            }

            if (name.Length == 0)
            {
                return;
            }
        }

        labels.SetParsed(name, value);
    }

    // parser.go buildSanitizedPrefixFromBuffer: empty parts are skipped; the digit prefix applies only at the start.
    private static string Join(List<string> prefix, string key)
    {
        var builder = new StringBuilder();
        foreach (var part in prefix.Append(key))
        {
            var sanitized = KeySanitizer.Sanitize(part, prefixDigit: builder.Length == 0);
            if (sanitized.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(sanitized);
        }

        return builder.ToString();
    }
}
