using System.Globalization;
using System.Text;

namespace Verified.Reference.Loki.LogQL;

/// <summary>Go string-literal decoding as Loki's lexer does it (prometheus util/strutil.Unquote ≈ strconv.Unquote).</summary>
public static class GoStrings
{
    /// <summary>
    /// Decodes a double-quoted or back-quoted Go literal (quotes included). Returns null and Go's error text
    /// ("invalid syntax") when the body is not a valid Go string.
    /// </summary>
    public static string? TryUnquote(string literal, out string error)
    {
        error = "invalid syntax";
        if (literal.Length < 2)
        {
            return null;
        }

        var quote = literal[0];
        if (literal[^1] != quote)
        {
            return null;
        }

        var body = literal[1..^1];
        if (quote == '`')
        {
            // Raw strings: no escapes; carriage returns are dropped (strconv.Unquote).
            return body.Contains('`', StringComparison.Ordinal) ? null : body.Replace("\r", "", StringComparison.Ordinal);
        }

        if (quote != '"')
        {
            return null;
        }

        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '"' || c == '\n')
            {
                return null;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (++i >= body.Length)
            {
                return null;
            }

            c = body[i];
            switch (c)
            {
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case '\\': sb.Append('\\'); break;
                case '"': sb.Append('"'); break;
                case 'x':
                case 'u':
                case 'U':
                    {
                        var n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                        if (body.Length - (i + 1) < n
                            || !int.TryParse(body.AsSpan(i + 1, n), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
                        {
                            return null;
                        }

                        i += n;
                        if (c == 'x')
                        {
                            // \x is a byte; a lone high byte cannot live in a .NET string.
                            if (v > 0x7f)
                            {
                                error = "invalid UTF-8 in \\x escape (not representable)";
                                return null;
                            }

                            sb.Append((char)v);
                        }
                        else
                        {
                            if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                            {
                                return null;
                            }

                            sb.Append(char.ConvertFromUtf32(v));
                        }

                        break;
                    }

                case >= '0' and <= '7':
                    {
                        if (body.Length - i < 3)
                        {
                            return null;
                        }

                        var v = 0;
                        for (var k = 0; k < 3; k++)
                        {
                            var d = body[i + k];
                            if (d < '0' || d > '7')
                            {
                                return null;
                            }

                            v = (v * 8) + (d - '0');
                        }

                        if (v > 0x7f)
                        {
                            return null;
                        }

                        i += 2;
                        sb.Append((char)v);
                        break;
                    }

                default:
                    return null;
            }
        }

        return sb.ToString();
    }
}
