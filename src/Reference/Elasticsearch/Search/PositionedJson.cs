using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>The kind of a JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value that remembers where its tokens start, as Jackson's <c>getTokenLocation()</c> reports them
/// to Elasticsearch: 1-based line, 1-based <b>byte</b> column within the line (Jackson's UTF-8 parser counts bytes:
/// ES answers <c>[1:86]</c> for a value at byte 85 of a line holding multi-byte characters). Containers also keep
/// the location of their closing token, which is where ES points after it has read a whole value for a preview.
/// Property order and duplicates are kept as written.
/// </summary>
internal sealed class PositionedJson
{
    private PositionedJson(JsonKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public JsonKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Location of the closing <c>}</c> or <c>]</c> (containers); the start otherwise.</summary>
    public (int Line, int Column) End { get; private set; }

    /// <summary>String value, or a number's text exactly as written.</summary>
    public string? Text { get; private init; }

    /// <summary>Object members in written order, each with the location of its name.</summary>
    public List<(string Name, int Line, int Column, PositionedJson Value)> Properties { get; } = [];

    /// <summary>Array items.</summary>
    public List<PositionedJson> Items { get; } = [];

    /// <summary>True for a number written without fraction or exponent.</summary>
    public bool IsIntegral => Kind == JsonKind.Number && Text!.AsSpan().IndexOfAny(".eE") < 0;

    /// <summary>The token name Jackson/XContent uses in messages (<c>START_OBJECT</c>, <c>VALUE_STRING</c>…).</summary>
    public string TokenName => Kind switch
    {
        JsonKind.Object => "START_OBJECT",
        JsonKind.Array => "START_ARRAY",
        JsonKind.String => "VALUE_STRING",
        JsonKind.Number => "VALUE_NUMBER",
        JsonKind.True or JsonKind.False => "VALUE_BOOLEAN",
        _ => "VALUE_NULL",
    };

    /// <summary>Parses UTF-8 JSON; malformed input throws <see cref="JsonException"/> with the byte position.</summary>
    public static PositionedJson Parse(ReadOnlySpan<byte> utf8)
    {
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 });
        if (!reader.Read())
        {
            throw new JsonException("empty body");
        }

        var value = ReadValue(ref reader, lineStarts);
        if (reader.Read())
        {
            throw new JsonException($"unexpected token after the end of the value at byte {reader.TokenStartIndex}");
        }

        return value;
    }

    /// <summary>Parses a string (encoded as UTF-8 first).</summary>
    public static PositionedJson Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>The value as Java's <c>Object.toString()</c> would show the map/list Jackson reads (ES field-value previews).</summary>
    public string JavaPreview() => Kind switch
    {
        JsonKind.Object => "{" + string.Join(", ", Properties.Select(p => p.Name + "=" + p.Value.JavaPreview())) + "}",
        JsonKind.Array => "[" + string.Join(", ", Items.Select(i => i.JavaPreview())) + "]",
        JsonKind.True => "true",
        JsonKind.False => "false",
        JsonKind.Null => "null",
        _ => Text!,
    };

    private static PositionedJson ReadValue(ref Utf8JsonReader reader, List<long> lineStarts)
    {
        var (line, column) = Locate(reader.TokenStartIndex, lineStarts);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new PositionedJson(JsonKind.Object, line, column);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (nameLine, nameColumn) = Locate(reader.TokenStartIndex, lineStarts);
                    var name = reader.GetString()!;
                    reader.Read();
                    node.Properties.Add((name, nameLine, nameColumn, ReadValue(ref reader, lineStarts)));
                }

                node.End = Locate(reader.TokenStartIndex, lineStarts);
                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = new PositionedJson(JsonKind.Array, line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(ReadValue(ref reader, lineStarts));
                }

                node.End = Locate(reader.TokenStartIndex, lineStarts);
                return node;
            }

            case JsonTokenType.String:
                return Leaf(JsonKind.String, line, column, reader.GetString());
            case JsonTokenType.Number:
                return Leaf(JsonKind.Number, line, column, Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan));
            case JsonTokenType.True:
                return Leaf(JsonKind.True, line, column, null);
            case JsonTokenType.False:
                return Leaf(JsonKind.False, line, column, null);
            default:
                return Leaf(JsonKind.Null, line, column, null);
        }
    }

    private static PositionedJson Leaf(JsonKind kind, int line, int column, string? text)
    {
        var node = new PositionedJson(kind, line, column) { Text = text };
        node.End = (line, column);
        return node;
    }

    private static List<long> LineStarts(ReadOnlySpan<byte> utf8)
    {
        List<long> starts = [0];
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static (int Line, int Column) Locate(long offset, List<long> lineStarts)
    {
        var index = lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, (int)(offset - lineStarts[index]) + 1);
    }
}
