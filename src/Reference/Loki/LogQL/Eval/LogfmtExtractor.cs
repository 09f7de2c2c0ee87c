using System.Globalization;
using System.Text;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>
/// Bare <c>| logfmt</c> (loki pkg/logql/log/parser.go LogfmtParser, logfmt/decode.go): scans <c>key=value</c> pairs
/// separated by bytes ≤ space; a malformed pair is skipped (non-strict mode never sets <c>__error__</c>); a key
/// without <c>=</c>, or an empty value, adds nothing (no <c>--keep-empty</c>); quoted values are JSON-unquoted.
/// </summary>
internal static class LogfmtExtractor
{
    public static void Extract(string line, LabelsBuilder labels)
    {
        var pos = 0;
        while (pos < line.Length)
        {
            if (!ScanKeyval(line, ref pos, out var key, out var value))
            {
                continue;
            }

            if (key is null)
            {
                continue;
            }

            var name = KeySanitizer.Sanitize(key);
            if (name.Length == 0)
            {
                continue;
            }

            if (labels.BaseHas(name) || labels.MetadataHas(name))
            {
                name += KeySanitizer.DuplicateSuffix;
            }

            var v = (value ?? "").Replace('\uFFFD', ' ');
            if (v.Length == 0)
            {
                continue;
            }

            labels.SetParsed(name, v);
        }
    }

    /// <summary>One step of the decoder; false when the pair was malformed (and skipped) or only blanks remained.</summary>
    private static bool ScanKeyval(string line, ref int pos, out string? key, out string? value)
    {
        key = null;
        value = null;
        while (pos < line.Length && line[pos] <= ' ')
        {
            pos++;
        }

        if (pos >= line.Length)
        {
            return false;
        }

        var start = pos;
        for (; pos < line.Length; pos++)
        {
            var c = line[pos];
            if (c == '=')
            {
                if (pos == start)
                {
                    return SkipValue(line, ref pos);
                }

                key = line[start..pos];
                return ScanValue(line, ref pos, ref value);
            }

            if (c == '"')
            {
                return SkipValue(line, ref pos);
            }

            if (c <= ' ')
            {
                key = line[start..pos];
                return true;
            }
        }

        key = line[start..pos];
        return true;
    }

    private static bool ScanValue(string line, ref int pos, ref string? value)
    {
        pos++; // past '='
        if (pos >= line.Length || line[pos] <= ' ')
        {
            return true;
        }

        if (line[pos] == '"')
        {
            return ScanQuoted(line, ref pos, ref value);
        }

        var start = pos;
        for (; pos < line.Length; pos++)
        {
            var c = line[pos];
            if (c is '=' or '"')
            {
                return SkipValue(line, ref pos);
            }

            if (c <= ' ')
            {
                break;
            }
        }

        if (pos > start)
        {
            value = line[start..pos];
        }

        return true;
    }

    private static bool ScanQuoted(string line, ref int pos, ref string? value)
    {
        var start = pos;
        bool hasEscape = false, escaped = false;
        for (var p = pos + 1; p < line.Length; p++)
        {
            var c = line[p];
            if (escaped)
            {
                escaped = false;
            }
            else if (c == '\\')
            {
                hasEscape = escaped = true;
            }
            else if (c == '"')
            {
                pos = p + 1;
                var inner = line[(start + 1)..p];
                if (!hasEscape)
                {
                    value = inner.Length > 0 ? inner : null;
                    return true;
                }

                value = Unquote(inner);
                return value is not null;
            }
        }

        pos = line.Length; // unterminated quoted value
        return false;
    }

    private static bool SkipValue(string line, ref int pos)
    {
        while (pos < line.Length && line[pos] > ' ')
        {
            pos++;
        }

        return false;
    }

    // logfmt/jsonstring.go unquoteBytes: JSON escapes plus \'; anything else invalid; a bad surrogate becomes U+FFFD.
    private static string? Unquote(string s)
    {
        var builder = new StringBuilder(s.Length);
        for (var r = 0; r < s.Length; r++)
        {
            var c = s[r];
            if (c == '"')
            {
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++r >= s.Length)
            {
                return null;
            }

            switch (s[r])
            {
                case '"' or '\\' or '/' or '\'':
                    builder.Append(s[r]);
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u':
                    if (!TryHex4(s, r + 1, out var unit))
                    {
                        return null;
                    }

                    r += 4;
                    if (char.IsHighSurrogate((char)unit) && r + 6 < s.Length && s[r + 1] == '\\' && s[r + 2] == 'u'
                        && TryHex4(s, r + 3, out var low) && char.IsLowSurrogate((char)low))
                    {
                        builder.Append((char)unit).Append((char)low);
                        r += 6;
                    }
                    else
                    {
                        builder.Append(char.IsSurrogate((char)unit) ? '\uFFFD' : (char)unit);
                    }

                    break;
                default:
                    return null;
            }
        }

        return builder.ToString();
    }

    private static bool TryHex4(string s, int at, out int value)
    {
        value = 0;
        return at + 4 <= s.Length && int.TryParse(s.AsSpan(at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
