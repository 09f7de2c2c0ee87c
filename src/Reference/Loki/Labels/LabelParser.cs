using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Verified.Reference.Loki.Labels;

/// <summary>
/// Parses a label selector the way Loki's <c>syntax.ParseLabels</c> does: Prometheus <c>ParseMetric</c>
/// (promql/parser lex.go + generated_parser.y, vendored by grafana/loki 65e30f84) — an optional metric name,
/// then <c>{name="value", "quoted.name"='v', raw=`v`}</c> with an optional trailing comma; <c>""</c> and
/// <c>{}</c> are the empty set. Errors carry Prometheus' text and 1-based <c>line:col</c> (byte column).
/// Sorting and dropping empty values happen in <see cref="CanonicalLabels"/>, as in Loki.
/// </summary>
public static class LabelParser
{
    /// <summary>The metric-name label a bare identifier before the braces sets.</summary>
    public const string MetricNameLabel = "__name__";

    /// <summary>Parses <paramref name="text"/>; throws <see cref="LabelParseException"/> with Prometheus' message.</summary>
    public static List<Label> Parse(string text)
    {
        var parser = new Cursor(text);
        return parser.ParseMetric();
    }

    private enum Kind
    {
        Identifier,
        String,
        Equals,
        Comma,
        LeftBrace,
        RightBrace,
        Operator,
        End,
    }

    private readonly record struct Token(Kind Kind, int Start, string Raw, string Value)
    {
        public string Describe() => Kind switch
        {
            Kind.Identifier => "identifier " + GoQuote.Quote(Value),
            Kind.String => "string " + GoQuote.Quote(Raw),
            Kind.Equals => "\"=\"",
            Kind.Comma => "\",\"",
            Kind.LeftBrace => "\"{\"",
            Kind.RightBrace => "\"}\"",
            Kind.Operator => "<op:" + Raw + ">",
            _ => "end of input",
        };
    }

    private sealed class Cursor
    {
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly string _text;
        private int _pos;

        public Cursor(string text) => _text = text;

        public List<Label> ParseMetric()
        {
            var labels = new List<Label>();
            string? metricName = null;
            SkipSpace(insideBraces: false);
            if (_pos >= _text.Length)
            {
                return labels;
            }

            if (IsAlpha(_text[_pos]) || _text[_pos] == ':')
            {
                var start = _pos;
                while (_pos < _text.Length && (IsAlphaNumeric(_text[_pos]) || _text[_pos] == ':'))
                {
                    _pos++;
                }

                metricName = _text[start.._pos];
                SkipSpace(insideBraces: false);
            }

            if (_pos < _text.Length)
            {
                if (_text[_pos] != '{')
                {
                    throw Error(_pos, UnexpectedOutside());
                }

                _pos++;
                ParseLabelSet(labels);
                SkipSpace(insideBraces: false);
                if (_pos < _text.Length)
                {
                    throw Error(_pos, UnexpectedOutside());
                }
            }

            if (metricName is not null)
            {
                // Builder.Set("__name__", name): the identifier before the braces wins.
                labels.RemoveAll(l => l.Name == MetricNameLabel);
                labels.Add(new Label(MetricNameLabel, metricName));
            }

            return labels;
        }

        private void ParseLabelSet(List<Label> labels)
        {
            while (true)
            {
                var token = Next();
                if (token.Kind == Kind.RightBrace)
                {
                    return;
                }

                string name;
                switch (token.Kind)
                {
                    case Kind.Identifier:
                        name = token.Value;
                        var equals = Next();
                        if (equals.Kind != Kind.Equals)
                        {
                            throw Unexpected(equals, "\"=\"");
                        }

                        break;
                    case Kind.String:
                        name = token.Value;
                        var after = Next();
                        if (after.Kind is Kind.Comma or Kind.RightBrace)
                        {
                            // A lone quoted string is the metric name: {"http.requests"}.
                            labels.Add(new Label(MetricNameLabel, name));
                            if (after.Kind == Kind.RightBrace)
                            {
                                return;
                            }

                            continue;
                        }

                        if (after.Kind != Kind.Equals)
                        {
                            throw Unexpected(after, "\",\" or \"}\"");
                        }

                        break;
                    default:
                        throw Unexpected(token, "identifier or \"}\"");
                }

                var value = Next();
                if (value.Kind != Kind.String)
                {
                    throw Unexpected(value, "string");
                }

                labels.Add(new Label(name, value.Value));
                var separator = Next();
                if (separator.Kind == Kind.RightBrace)
                {
                    return;
                }

                if (separator.Kind != Kind.Comma)
                {
                    throw Unexpected(separator, "\",\" or \"}\"");
                }
            }
        }

        /// <summary>The next token inside braces (lexInsideBraces).</summary>
        private Token Next()
        {
            SkipSpace(insideBraces: true);
            var start = _pos;
            if (_pos >= _text.Length)
            {
                throw Error(start, "unexpected end of input inside braces");
            }

            var c = _text[_pos];
            switch (c)
            {
                case ',':
                    _pos++;
                    return new Token(Kind.Comma, start, ",", ",");
                case '}':
                    _pos++;
                    return new Token(Kind.RightBrace, start, "}", "}");
                case '{':
                    throw Error(start, "unexpected left brace '{'");
                case '=':
                    _pos++;
                    if (_pos < _text.Length && _text[_pos] == '~')
                    {
                        _pos++;
                        return new Token(Kind.Operator, start, "=~", "=~");
                    }

                    return new Token(Kind.Equals, start, "=", "=");
                case '!':
                    _pos++;
                    if (_pos < _text.Length && _text[_pos] is '=' or '~')
                    {
                        var op = "!" + _text[_pos++];
                        return new Token(Kind.Operator, start, op, op);
                    }

                    throw Error(start, "unexpected character after '!' inside braces: " + RuneQuote(_pos < _text.Length ? RuneAt(_pos) : 0));
                case '"' or '\'':
                    return LexQuoted(c);
                case '`':
                    return LexRaw();
            }

            if (IsAlpha(c))
            {
                while (_pos < _text.Length && IsAlphaNumeric(_text[_pos]))
                {
                    _pos++;
                }

                var id = _text[start.._pos];
                return new Token(Kind.Identifier, start, id, id);
            }

            throw Error(start, "unexpected character inside braces: " + RuneQuote(RuneAt(_pos)));
        }

        private Token LexQuoted(char quote)
        {
            var start = _pos++;

            // The common case: no escape, newline, surrogate or U+FFFD before the closing quote, so the value is
            // the text between the quotes. Anything else takes the rune-by-rune path below.
            var rest = _text.AsSpan(_pos);
            var end = rest.IndexOfAny(quote, '\\', '\n');
            if (end >= 0 && rest[end] == quote && rest[..end].IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && !rest[..end].Contains('\uFFFD'))
            {
                _pos += end + 1;
                return new Token(Kind.String, start, _text[start.._pos], _text.Substring(start + 1, end));
            }

            var value = new List<byte>();
            while (true)
            {
                if (_pos >= _text.Length || _text[_pos] == '\n')
                {
                    throw Error(start, "unterminated quoted string");
                }

                var rune = RuneAt(_pos);
                if (rune == -1 || rune == 0xFFFD)
                {
                    throw Error(start, "invalid UTF-8 rune");
                }

                var c = _text[_pos];
                if (c == quote)
                {
                    _pos++;
                    return new Token(Kind.String, start, _text[start.._pos], Decode(value, start));
                }

                if (c == '\\')
                {
                    _pos++;
                    Escape(quote, start, value);
                    continue;
                }

                AppendUtf8(value, rune);
                _pos += rune > 0xFFFF ? 2 : 1;
            }
        }

        private Token LexRaw()
        {
            var start = _pos++;
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Error(start, "unterminated raw string");
                }

                var rune = RuneAt(_pos);
                if (rune == -1 || rune == 0xFFFD)
                {
                    throw Error(start, "invalid UTF-8 rune");
                }

                if (_text[_pos] == '`')
                {
                    _pos++;
                    return new Token(Kind.String, start, _text[start.._pos], _text[(start + 1)..(_pos - 1)]);
                }

                _pos += rune > 0xFFFF ? 2 : 1;
            }
        }

        /// <summary>lexEscape, from go/scanner: the escapes Go string literals allow.</summary>
        private void Escape(char quote, int tokenStart, List<byte> value)
        {
            if (_pos >= _text.Length)
            {
                throw Error(tokenStart, "escape sequence not terminated");
            }

            var c = _text[_pos];
            int digits, radix, max;
            switch (c)
            {
                case 'a': value.Add(7); _pos++; return;
                case 'b': value.Add(8); _pos++; return;
                case 'f': value.Add(12); _pos++; return;
                case 'n': value.Add(10); _pos++; return;
                case 'r': value.Add(13); _pos++; return;
                case 't': value.Add(9); _pos++; return;
                case 'v': value.Add(11); _pos++; return;
                case '\\': value.Add((byte)'\\'); _pos++; return;
                case '0' or '1' or '2' or '3' or '4' or '5' or '6' or '7':
                    (digits, radix, max) = (3, 8, 255);
                    break;
                case 'x':
                    _pos++;
                    (digits, radix, max) = (2, 16, 255);
                    break;
                case 'u':
                    _pos++;
                    (digits, radix, max) = (4, 16, 0x10FFFF);
                    break;
                case 'U':
                    _pos++;
                    (digits, radix, max) = (8, 16, 0x10FFFF);
                    break;
                default:
                    if (c == quote)
                    {
                        value.Add((byte)c);
                        _pos++;
                        return;
                    }

                    throw Error(tokenStart, "unknown escape sequence " + UnicodeFormat(RuneAt(_pos)));
            }

            var x = 0;
            for (var i = 0; i < digits; i++)
            {
                if (_pos >= _text.Length)
                {
                    throw Error(tokenStart, "escape sequence not terminated");
                }

                var d = DigitValue(_text[_pos]);
                if (d >= radix)
                {
                    throw Error(tokenStart, "illegal character " + UnicodeFormat(RuneAt(_pos)) + " in escape sequence");
                }

                x = (x * radix) + d;
                _pos++;
            }

            if (x > max || (radix == 16 && digits >= 4 && x is >= 0xD800 and < 0xE000))
            {
                throw Error(tokenStart, "escape sequence is an invalid Unicode code point");
            }

            if (digits >= 4)
            {
                AppendUtf8(value, x);
            }
            else
            {
                // \xNN and octal escapes are raw bytes, not code points.
                value.Add((byte)x);
            }
        }

        private string Decode(List<byte> bytes, int tokenStart)
        {
            try
            {
                return StrictUtf8.GetString(CollectionsMarshal.AsSpan(bytes));
            }
            catch (DecoderFallbackException)
            {
                // Prometheus keeps such bytes; a .NET string cannot. Say so rather than change the value.
                throw Error(tokenStart, "escape sequence produces invalid UTF-8, which Verified cannot represent in a label value");
            }
        }

        private void SkipSpace(bool insideBraces)
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c is ' ' or '\t' or '\n' or '\r')
                {
                    _pos++;
                }
                else if (c == '#' && insideBraces)
                {
                    while (_pos < _text.Length && _text[_pos] != '\n')
                    {
                        _pos++;
                    }
                }
                else
                {
                    return;
                }
            }
        }

        private string UnexpectedOutside()
        {
            var c = _text[_pos];
            if (IsAlpha(c))
            {
                var start = _pos;
                while (_pos < _text.Length && (IsAlphaNumeric(_text[_pos]) || _text[_pos] == ':'))
                {
                    _pos++;
                }

                return "unexpected identifier " + GoQuote.Quote(_text[start.._pos]);
            }

            return c == '{' ? "unexpected \"{\"" : "unexpected character: " + RuneQuote(RuneAt(_pos));
        }

        private LabelParseException Unexpected(Token token, string expected) =>
            Error(token.Start, "unexpected " + token.Describe() + " in label set, expected " + expected);

        /// <summary>Prometheus ParseErr: "line:col: parse error: msg", 1-based line, 1-based byte column.</summary>
        private LabelParseException Error(int charOffset, string message)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < charOffset && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            var column = Encoding.UTF8.GetByteCount(_text.AsSpan(lineStart, Math.Min(charOffset, _text.Length) - lineStart)) + 1;
            return new LabelParseException(string.Create(CultureInfo.InvariantCulture, $"{line}:{column}: parse error: {message}"));
        }

        /// <summary>The code point at <paramref name="index"/>, or -1 for a lone surrogate.</summary>
        private int RuneAt(int index) =>
            Rune.DecodeFromUtf16(_text.AsSpan(index), out var rune, out _) == System.Buffers.OperationStatus.Done ? rune.Value : -1;

        private static void AppendUtf8(List<byte> bytes, int rune)
        {
            Span<byte> buffer = stackalloc byte[4];
            var n = new Rune(rune).EncodeToUtf8(buffer);
            for (var i = 0; i < n; i++)
            {
                bytes.Add(buffer[i]);
            }
        }

        private static int DigitValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => 16,
        };

        private static bool IsAlpha(char c) => c is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

        private static bool IsAlphaNumeric(char c) => IsAlpha(c) || c is >= '0' and <= '9';

        /// <summary>Go's %q of a rune: 'x', or an escape for a non-printable one.</summary>
        private static string RuneQuote(int rune)
        {
            if (rune < 0)
            {
                rune = 0xFFFD;
            }

            if (rune == '\'')
            {
                return "'\\''";
            }

            var quoted = GoQuote.Quote(new Rune(rune).ToString());
            return "'" + quoted[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) + "'";
        }

        /// <summary>Go's %#U: "U+0071 'q'", or just "U+0007" for a non-printable rune.</summary>
        private static string UnicodeFormat(int rune)
        {
            if (rune < 0)
            {
                rune = 0xFFFD;
            }

            var code = "U+" + rune.ToString("X4", CultureInfo.InvariantCulture);
            return GoQuote.IsPrint(rune) ? code + " '" + new Rune(rune).ToString() + "'" : code;
        }
    }
}
