using System.Globalization;
using System.Text.Json;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>How a sort value is compared and written.</summary>
public enum SortValueKind
{
    /// <summary>A long field: written as an integer; missing is Long.MAX_VALUE / MIN_VALUE as in ES.</summary>
    Long,

    /// <summary>A float field: written as a float; missing is ±Infinity (Jackson writes <c>"Infinity"</c>).</summary>
    Float,

    /// <summary>A keyword field: a string; missing is <c>null</c>.</summary>
    Keyword,

    /// <summary>The score.</summary>
    Score,

    /// <summary>The shard doc id.</summary>
    Doc,
}

/// <summary>
/// One sort value of a hit. Numbers (and booleans as 0/1, booleans sort as long) hold <see cref="Number"/>;
/// keywords hold <see cref="Text"/>; <see cref="Missing"/> marks a document without a value (ordered first or last
/// by the sort's <c>missing</c> whatever the direction).
/// </summary>
/// <param name="Kind">How to compare and write.</param>
/// <param name="Number">Numeric value.</param>
/// <param name="Text">Keyword value.</param>
/// <param name="Missing">No value.</param>
/// <param name="Descending">The key's direction (decides which end a missing value's written sentinel is).</param>
public readonly record struct SortValue(SortValueKind Kind, double Number, string? Text, bool Missing, bool Descending)
{
    /// <summary>Writes the value as ES does in a hit's <c>sort</c> array.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case SortValueKind.Long:
                writer.WriteNumberValue(Missing ? (Descending ? long.MinValue : long.MaxValue) : (long)Number);
                break;
            case SortValueKind.Float:
                if (Missing)
                {
                    writer.WriteStringValue(Descending ? "-Infinity" : "Infinity");
                }
                else
                {
                    writer.WriteRawValue(((float)Number).ToString("R", CultureInfo.InvariantCulture));
                }

                break;
            case SortValueKind.Keyword:
                if (Missing)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(Text);
                }

                break;
            case SortValueKind.Score:
                writer.WriteRawValue(((float)Number).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteNumberValue((int)Number);
                break;
        }
    }

    /// <summary>Compares two values of one sort key in that key's order (direction and missing placement applied).</summary>
    public static int Compare(SortValue a, SortValue b, SortField key)
    {
        if (a.Missing || b.Missing)
        {
            if (a.Missing && b.Missing)
            {
                return 0;
            }

            return (a.Missing ? 1 : -1) * (key.MissingFirst ? -1 : 1);
        }

        var c = a.Kind == SortValueKind.Keyword || b.Kind == SortValueKind.Keyword
            ? Utf8Order.Instance.Compare(a.Text, b.Text)
            : a.Number.CompareTo(b.Number);
        return key.Descending ? -c : c;
    }
}
