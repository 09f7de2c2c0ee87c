using System.Globalization;
using System.Text;

namespace Verified.Reference.Loki.LogQL;

/// <summary>
/// LogQL's lexer: Go's text/scanner (GoTokens mode: Go identifiers, numbers, "…" and `…` strings, // and /* */
/// comments skipped) plus Loki's rules on top (loki pkg/logql/syntax lex.go): <c>#</c> line comments, ranges
/// <c>[5m]</c>, durations and byte sizes glued to numbers, <c>--flags</c>, two-character operators,
/// case-insensitive keywords, and function names recognised only before <c>(</c> or <c>by/without (</c>.
/// </summary>
internal sealed class LogQLLexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        [","] = TokenKind.Comma, ["."] = TokenKind.Dot, ["{"] = TokenKind.OpenBrace, ["}"] = TokenKind.CloseBrace,
        ["="] = TokenKind.Eq, ["!="] = TokenKind.Neq, ["=~"] = TokenKind.Re, ["!~"] = TokenKind.Nre, ["!>"] = TokenKind.Npa,
        ["|="] = TokenKind.PipeExact, ["|~"] = TokenKind.PipeMatch, ["|>"] = TokenKind.PipePattern, ["|"] = TokenKind.Pipe,
        ["unwrap"] = TokenKind.Unwrap, ["("] = TokenKind.OpenParen, [")"] = TokenKind.CloseParen,
        ["by"] = TokenKind.By, ["without"] = TokenKind.Without, ["bool"] = TokenKind.Bool,
        ["["] = TokenKind.OpenBracket, ["]"] = TokenKind.CloseBracket, ["label_replace"] = TokenKind.LabelReplace,
        ["offset"] = TokenKind.Offset, ["on"] = TokenKind.On, ["ignoring"] = TokenKind.Ignoring,
        ["group_left"] = TokenKind.GroupLeft, ["group_right"] = TokenKind.GroupRight,
        ["or"] = TokenKind.Or, ["and"] = TokenKind.And, ["unless"] = TokenKind.Unless,
        ["+"] = TokenKind.Add, ["-"] = TokenKind.Sub, ["*"] = TokenKind.Mul, ["/"] = TokenKind.Div, ["%"] = TokenKind.Mod,
        ["^"] = TokenKind.Pow, ["=="] = TokenKind.CmpEq, [">"] = TokenKind.Gt, [">="] = TokenKind.Gte,
        ["<"] = TokenKind.Lt, ["<="] = TokenKind.Lte,
        ["json"] = TokenKind.Json, ["regexp"] = TokenKind.Regexp, ["logfmt"] = TokenKind.Logfmt,
        ["unpack"] = TokenKind.Unpack, ["pattern"] = TokenKind.PatternKw,
        ["label_format"] = TokenKind.LabelFormat, ["line_format"] = TokenKind.LineFormat,
        ["ip"] = TokenKind.Ip, ["decolorize"] = TokenKind.Decolorize, ["drop"] = TokenKind.Drop, ["keep"] = TokenKind.Keep,
        ["variants"] = TokenKind.Variants, ["of"] = TokenKind.Of,
    };

    private static readonly Dictionary<string, TokenKind> Functions = new(StringComparer.Ordinal)
    {
        ["rate"] = TokenKind.RangeOp, ["rate_counter"] = TokenKind.RangeOp, ["count_over_time"] = TokenKind.RangeOp,
        ["bytes_rate"] = TokenKind.RangeOp, ["bytes_over_time"] = TokenKind.RangeOp, ["avg_over_time"] = TokenKind.RangeOp,
        ["sum_over_time"] = TokenKind.RangeOp, ["min_over_time"] = TokenKind.RangeOp, ["max_over_time"] = TokenKind.RangeOp,
        ["stdvar_over_time"] = TokenKind.RangeOp, ["stddev_over_time"] = TokenKind.RangeOp,
        ["quantile_over_time"] = TokenKind.RangeOp, ["first_over_time"] = TokenKind.RangeOp,
        ["last_over_time"] = TokenKind.RangeOp, ["absent_over_time"] = TokenKind.RangeOp,
        ["vector"] = TokenKind.Vector,
        ["sum"] = TokenKind.VectorOp, ["avg"] = TokenKind.VectorOp, ["max"] = TokenKind.VectorOp, ["min"] = TokenKind.VectorOp,
        ["count"] = TokenKind.VectorOp, ["stddev"] = TokenKind.VectorOp, ["stdvar"] = TokenKind.VectorOp,
        ["bottomk"] = TokenKind.VectorOp, ["topk"] = TokenKind.VectorOp, ["sort"] = TokenKind.VectorOp,
        ["sort_desc"] = TokenKind.VectorOp, ["approx_topk"] = TokenKind.VectorOp,
        ["label_replace"] = TokenKind.LabelReplace,
        ["bytes"] = TokenKind.ConvOp, ["duration"] = TokenKind.ConvOp, ["duration_seconds"] = TokenKind.ConvOp,
        ["ip"] = TokenKind.Ip,
    };

    private readonly string _src;
    private int _pos;
    private int _line = 1;
    private int _col = 1;

    /// <summary>Creates a lexer over the query text.</summary>
    public LogQLLexer(string source) => _src = source;

    /// <summary>The next token; throws <see cref="LogQLParseException"/> on the first lexical error (Loki reports errs[0]).</summary>
    public Token Next()
    {
        while (true)
        {
            SkipWhitespaceAndComments();
            var line = _line;
            var col = _col;
            if (_pos >= _src.Length)
            {
                return new Token(TokenKind.End, "", line, col);
            }

            var c = _src[_pos];
            if (c == '#')
            {
                while (_pos < _src.Length && _src[_pos] != '\n')
                {
                    Advance();
                }

                continue;
            }

            if (c == '_' || char.IsLetter(c))
            {
                return Ident(line, col);
            }

            if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _src.Length && char.IsAsciiDigit(_src[_pos + 1])))
            {
                var number = ScanNumber(line, col);
                return NumberLike(number, line, col);
            }

            if (c == '"' || c == '`')
            {
                return StringToken(line, col);
            }

            if (c == '\'')
            {
                return CharLiteral(line, col);
            }

            if (c == '[')
            {
                return RangeToken(col);
            }

            Advance();
            if (c == '-')
            {
                if (Peek() == '-' && TryFlag(out var flag))
                {
                    return new Token(TokenKind.ParserFlag, flag, 0, col);
                }

                if (TryDuration("-", out var negative))
                {
                    return new Token(TokenKind.Duration, "", 0, col) { Nanoseconds = negative };
                }
            }

            var two = string.Concat(c.ToString(), Peek() is { } p && p != '\0' ? p.ToString() : "").ToLowerInvariant();
            if (two.Length == 2 && Keywords.TryGetValue(two, out var twoKind))
            {
                Advance();
                return new Token(twoKind, two, 0, col);
            }

            var one = c.ToString();
            return Keywords.TryGetValue(one, out var kind) ? new Token(kind, one, line, col) : new Token(TokenKind.Identifier, one, line, col);
        }
    }

    private static LogQLParseException Error(string message, int line, int col) => new(message, line, col);

    private char Peek() => _pos < _src.Length ? _src[_pos] : '\0';

    private void Advance()
    {
        var c = _src[_pos++];
        if (c == '\n')
        {
            _line++;
            _col = 1;
        }
        else if (!char.IsLowSurrogate(c))
        {
            _col++;
        }
    }

    private void SkipWhitespaceAndComments()
    {
        while (_pos < _src.Length)
        {
            var c = _src[_pos];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                Advance();
                continue;
            }

            if (c == '/' && _pos + 1 < _src.Length && _src[_pos + 1] == '/')
            {
                while (_pos < _src.Length && _src[_pos] != '\n')
                {
                    Advance();
                }

                continue;
            }

            if (c == '/' && _pos + 1 < _src.Length && _src[_pos + 1] == '*')
            {
                var (line, col) = (_line, _col);
                var end = _src.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("comment not terminated", line, col);
                }

                while (_pos < end + 2)
                {
                    Advance();
                }

                continue;
            }

            return;
        }
    }

    private Token Ident(int line, int col)
    {
        var start = _pos;
        while (_pos < _src.Length && (_src[_pos] == '_' || char.IsLetterOrDigit(_src[_pos])))
        {
            Advance();
        }

        var text = _src[start.._pos];
        var lower = text.ToLowerInvariant();
        if (Functions.TryGetValue(lower, out var fn))
        {
            return IsFunction(_pos) ? new Token(fn, lower, line, col) : new Token(TokenKind.Identifier, text, line, col);
        }

        return Keywords.TryGetValue(lower, out var kw) ? new Token(kw, lower, line, col) : new Token(TokenKind.Identifier, text, line, col);
    }

    // lex.go isFunction: after optional spaces, "(" or "by"/"without" then "(".
    private bool IsFunction(int i)
    {
        i = SkipSpaces(i);
        var sb = new StringBuilder();
        while (i < _src.Length)
        {
            sb.Append(_src[i++]);
            var s = sb.ToString().ToLowerInvariant();
            if (s == "(")
            {
                return true;
            }

            if (s is "by" or "without")
            {
                i = SkipSpaces(i);
                return i < _src.Length && _src[i] == '(';
            }
        }

        return false;
    }

    private int SkipSpaces(int i)
    {
        while (i < _src.Length && char.IsWhiteSpace(_src[i]))
        {
            i++;
        }

        return i;
    }

    private string ScanNumber(int line, int col)
    {
        var start = _pos;
        if (Peek() == '0' && _pos + 1 < _src.Length && "xXbBoO".Contains(_src[_pos + 1], StringComparison.Ordinal))
        {
            var prefix = char.ToLowerInvariant(_src[_pos + 1]);
            Advance();
            Advance();
            var digitsStart = _pos;
            while (_pos < _src.Length && (char.IsAsciiHexDigit(_src[_pos]) || _src[_pos] == '_' || _src[_pos] == '.'))
            {
                Advance();
            }

            // text/scanner: "0b", "0o", "0x" need digits (so Loki cannot re-read the "0B" it prints for 0 bytes).
            if (_src[digitsStart.._pos].Replace("_", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Length == 0)
            {
                var kind = prefix switch { 'x' => "hexadecimal", 'b' => "binary", _ => "octal" };
                throw Error($"{kind} literal has no digits", line, col);
            }

            if (_pos < _src.Length && (_src[_pos] == 'p' || _src[_pos] == 'P'))
            {
                ScanExponent(line, col);
            }

            return _src[start.._pos];
        }

        while (_pos < _src.Length && (char.IsAsciiDigit(_src[_pos]) || _src[_pos] == '_'))
        {
            Advance();
        }

        if (Peek() == '.')
        {
            Advance();
            while (_pos < _src.Length && (char.IsAsciiDigit(_src[_pos]) || _src[_pos] == '_'))
            {
                Advance();
            }
        }

        if (Peek() is 'e' or 'E')
        {
            ScanExponent(line, col);
        }

        return _src[start.._pos];
    }

    private void ScanExponent(int line, int col)
    {
        Advance();
        if (Peek() is '+' or '-')
        {
            Advance();
        }

        if (!char.IsAsciiDigit(Peek()))
        {
            throw Error("exponent has no digits", line, col);
        }

        while (char.IsAsciiDigit(Peek()) || Peek() == '_')
        {
            Advance();
        }
    }

    private Token NumberLike(string number, int line, int col)
    {
        if (TryDuration(number, out var nanos))
        {
            return new Token(TokenKind.Duration, number, 0, col) { Nanoseconds = nanos };
        }

        if (TrySuffix(number, IsBytesRune, s => HumanizeBytes.TryParse(s) is { } b ? b : null, out var bytes))
        {
            return new Token(TokenKind.Bytes, number, 0, col) { Bytes = bytes };
        }

        return new Token(TokenKind.Number, number, line, col);
    }

    private static bool IsDurationRune(char r) => r is 'n' or 'u' or '\u00b5' or 'm' or 's' or 'h' or 'd' or 'w' or 'y';

    private static bool IsBytesRune(char r) => r is 'B' or 'i' or 'k' or 'K' or 'M' or 'G' or 'T' or 'P';

    private bool TryDuration(string prefix, out long nanos)
    {
        var ok = TrySuffix(prefix, IsDurationRune, s => GoDuration.TryParseLogQL(s, out _) is { } d ? (ulong)d : null, out var value);
        nanos = (long)value;
        return ok;
    }

    // lex.go tryScanDuration / tryScanBytes: glue the following run (up to a space) if the whole parses.
    private bool TrySuffix(string prefix, Func<char, bool> isUnitRune, Func<string, ulong?> parse, out ulong value)
    {
        value = 0;
        var i = _pos;
        while (i < _src.Length && !char.IsWhiteSpace(_src[i]))
        {
            var r = _src[i];
            if (!char.IsNumber(r) && !isUnitRune(r) && r != '.')
            {
                break;
            }

            i++;
        }

        if (i == _pos || parse(prefix + _src[_pos..i]) is not { } parsed)
        {
            return false;
        }

        while (_pos < i)
        {
            Advance();
        }

        value = parsed;
        return true;
    }

    private bool TryFlag(out string flag)
    {
        var i = _pos;
        while (i < _src.Length && (char.IsLetter(_src[i]) || _src[i] == '-'))
        {
            i++;
        }

        flag = "-" + _src[_pos..i];
        if (flag is not ("--strict" or "--keep-empty"))
        {
            return false;
        }

        while (_pos < i)
        {
            Advance();
        }

        return true;
    }

    private Token StringToken(int line, int col)
    {
        var start = _pos;
        var quote = _src[_pos];
        Advance();
        while (true)
        {
            if (_pos >= _src.Length || (quote == '"' && _src[_pos] == '\n'))
            {
                throw Error("literal not terminated", line, col);
            }

            var c = _src[_pos];
            Advance();
            if (c == quote)
            {
                break;
            }

            if (quote == '"' && c == '\\')
            {
                ScanEscape(line, col);
            }
        }

        var literal = _src[start.._pos];
        var value = GoStrings.TryUnquote(literal, out var error) ?? throw Error(error, line, col);
        return new Token(TokenKind.String, value, line, col);
    }

    // text/scanner scanEscape: the escape must be a valid Go one, else "invalid char escape".
    private void ScanEscape(int line, int col)
    {
        if (_pos >= _src.Length)
        {
            throw Error("literal not terminated", line, col);
        }

        var c = _src[_pos];
        Func<char, bool> ok = c is >= '0' and <= '7' ? ch => ch is >= '0' and <= '7' : char.IsAsciiHexDigit;
        var count = c switch
        {
            'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' or '\\' or '"' => 1,
            >= '0' and <= '7' => 3,
            'x' => 3,
            'u' => 5,
            'U' => 9,
            _ => 0,
        };
        if (count == 0)
        {
            throw Error("invalid char escape", line, col);
        }

        Advance();
        for (var k = 1; k < count; k++)
        {
            if (_pos >= _src.Length)
            {
                throw Error("literal not terminated", line, col);
            }

            if (!ok(_src[_pos]))
            {
                throw Error("invalid char escape", line, col);
            }

            Advance();
        }
    }

    private Token CharLiteral(int line, int col)
    {
        var start = _pos;
        Advance();
        while (true)
        {
            if (_pos >= _src.Length || _src[_pos] == '\n')
            {
                throw Error("literal not terminated", line, col);
            }

            var c = _src[_pos];
            Advance();
            if (c == '\'')
            {
                break;
            }

            if (c == '\\')
            {
                Advance();
            }
        }

        // A Go char literal is not a LogQL token: Loki's lexer hands its text to the grammar as an identifier.
        return new Token(TokenKind.Identifier, _src[start.._pos], line, col);
    }

    private Token RangeToken(int col)
    {
        Advance();
        var sb = new StringBuilder();
        while (_pos < _src.Length)
        {
            var c = _src[_pos];
            Advance();
            if (c == ']')
            {
                var text = sb.ToString();
                var nanos = GoDuration.TryParseProm(text, out var error) ?? throw Error(error, 0, col);
                return new Token(TokenKind.Range, text, 0, col) { Nanoseconds = nanos };
            }

            sb.Append(c);
        }

        throw Error("missing closing ']' in duration", 0, col);
    }

    /// <summary>Reads a number token as Go's strconv.ParseFloat would; null on a Go syntax error (hex without p exponent, underscores).</summary>
    public static double? ParseGoFloat(string text)
    {
        if (text.Contains('_', StringComparison.Ordinal) || text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("0b", StringComparison.OrdinalIgnoreCase) || text.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
