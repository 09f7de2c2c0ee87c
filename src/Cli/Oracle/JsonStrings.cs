using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Verified.Cli.Oracle;

/// <summary>
/// Reads JSON strings the way Elasticsearch's Jackson does: a lone surrogate escape (<c>"\ud800"</c>) is kept as
/// it is. System.Text.Json refuses such strings, and "repairing" them would change the murmur3 hash
/// (ELASTICSEARCH.md §1.1), so they are decoded from the raw text instead.
/// </summary>
internal static class JsonStrings
{
    public static string Get(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Unescape(element.GetRawText());
        }
    }

    private static string Unescape(string raw)
    {
        var body = raw.AsSpan(1, raw.Length - 2);
        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var e = body[++i];
            switch (e)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    builder.Append((char)int.Parse(body.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: builder.Append(e); break;
            }
        }

        return builder.ToString();
    }
}
