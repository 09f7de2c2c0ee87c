using System.Text;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>Loki's extracted-key rules (loki pkg/logql/log/util.go sanitizeLabelKey, appendSanitized; parser.go).</summary>
internal static class KeySanitizer
{
    /// <summary>Suffix added when an extracted key collides with a stream label or structured metadata (parser.go).</summary>
    public const string DuplicateSuffix = "_extracted";

    /// <summary>
    /// Trims Go whitespace, prefixes <c>_</c> when the first character is a digit (only if
    /// <paramref name="prefixDigit"/>), and maps every rune outside <c>[a-zA-Z0-9_]</c> to <c>_</c>.
    /// </summary>
    public static string Sanitize(string key, bool prefixDigit = true)
    {
        key = key.Trim(GoSpace);
        if (key.Length == 0)
        {
            return key;
        }

        var builder = new StringBuilder(key.Length + 1);
        if (prefixDigit && key[0] is >= '0' and <= '9')
        {
            builder.Append('_');
        }

        foreach (var rune in key.EnumerateRunes())
        {
            var c = rune.Value;
            builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9') ? (char)c : '_');
        }

        return builder.ToString();
    }

    /// <summary>Go's unicode.IsSpace set used by strings.TrimSpace / bytes.TrimSpace (ASCII part plus NEL, NBSP and Unicode spaces).</summary>
    private static readonly char[] GoSpace =
    [
        '\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004',
        '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000',
    ];
}
