using System.Text;

namespace Verified.Conformance.ReadPath.GoLiteral;

/// <summary>
/// A tiny reader for the Go composite-literal expressions of loki parser_test.go ("exp_go" in the vectors):
/// calls, composite literals (typed, untyped and slice), &amp;, unary minus, products, strings, numbers.
/// </summary>
internal sealed class GoLiteralReader
{
    private readonly string _s;
    private int _i;

    private GoLiteralReader(string s) => _s = s;

    public static GoNode Read(string text)
    {
        var reader = new GoLiteralReader(text);
        var node = reader.Expr();
        reader.Skip();
        if (reader._i != reader._s.Length)
        {
            throw new FormatException($"trailing Go text at {reader._i}: {text[reader._i..]}");
        }

        return node;
    }

    private void Skip()
    {
        while (_i < _s.Length && char.IsWhiteSpace(_s[_i]))
        {
            _i++;
        }
    }

    private bool Eat(char c)
    {
        Skip();
        if (_i < _s.Length && _s[_i] == c)
        {
            _i++;
            return true;
        }

        return false;
    }

    private void Need(char c)
    {
        if (!Eat(c))
        {
            throw new FormatException($"expected '{c}' at {_i}: {_s[_i..Math.Min(_s.Length, _i + 40)]}");
        }
    }

    private GoNode Expr()
    {
        var factors = new List<GoNode> { Unary() };
        while (Eat('*'))
        {
            factors.Add(Unary());
        }

        return factors.Count == 1 ? factors[0] : new GoProduct(factors);
    }

    private GoNode Unary()
    {
        if (Eat('&'))
        {
            return Unary();
        }

        if (Eat('-'))
        {
            return new GoNegate(Unary());
        }

        var node = Primary();
        while (true)
        {
            Skip();
            if (_i < _s.Length && _s[_i] == '.' && _i + 1 < _s.Length && char.IsLetter(_s[_i + 1]))
            {
                _i++;
                var method = Ident();
                Need('(');
                node = new GoCall(method, Args(')'), node);
                continue;
            }

            return node;
        }
    }

    private GoNode Primary()
    {
        Skip();
        var c = _s[_i];
        if (c == '"' || c == '`')
        {
            return new GoString(StringLit());
        }

        if (char.IsAsciiDigit(c) || c == '.')
        {
            var start = _i;
            while (_i < _s.Length && (char.IsAsciiDigit(_s[_i]) || _s[_i] == '.' || _s[_i] == 'e'))
            {
                _i++;
            }

            return new GoNumber(_s[start.._i]);
        }

        if (c == '[')
        {
            Need('[');
            Need(']');
            Eat('*');
            var type = "[]" + Ident();
            Need('{');
            return new GoComposite(type, Elements());
        }

        if (c == '{')
        {
            _i++;
            return new GoComposite(null, Elements());
        }

        var name = Ident();
        if (Eat('('))
        {
            return new GoCall(name, Args(')'));
        }

        Skip();
        if (_i < _s.Length && _s[_i] == '{' && name != "nil")
        {
            _i++;
            return new GoComposite(name, Elements());
        }

        return new GoIdent(name);
    }

    private string Ident()
    {
        Skip();
        var start = _i;
        while (_i < _s.Length && (char.IsLetterOrDigit(_s[_i]) || _s[_i] == '_' || _s[_i] == '.'))
        {
            if (_s[_i] == '.' && !(_i + 1 < _s.Length && char.IsLetter(_s[_i + 1])))
            {
                break;
            }

            _i++;
        }

        if (start == _i)
        {
            throw new FormatException($"identifier expected at {_i}: {_s[_i..Math.Min(_s.Length, _i + 40)]}");
        }

        return _s[start.._i];
    }

    private List<GoNode> Args(char close)
    {
        var args = new List<GoNode>();
        while (!Eat(close))
        {
            args.Add(Expr());
            Eat(',');
        }

        return args;
    }

    private List<(string? Key, GoNode Value)> Elements()
    {
        var elements = new List<(string?, GoNode)>();
        while (!Eat('}'))
        {
            var save = _i;
            string? key = null;
            Skip();
            if (char.IsLetter(_s[_i]))
            {
                var id = Ident();
                if (Eat(':'))
                {
                    key = id;
                }
                else
                {
                    _i = save;
                }
            }

            elements.Add((key, Expr()));
            Eat(',');
        }

        return elements;
    }

    private string StringLit()
    {
        var quote = _s[_i++];
        var sb = new StringBuilder();
        while (_s[_i] != quote)
        {
            var c = _s[_i++];
            if (quote == '"' && c == '\\')
            {
                var e = _s[_i++];
                sb.Append(e switch
                {
                    'n' => "\n",
                    't' => "\t",
                    'r' => "\r",
                    '\\' => "\\",
                    '"' => "\"",
                    'x' => ((char)Convert.ToInt32(_s.Substring((_i += 2) - 2, 2), 16)).ToString(),
                    _ => throw new FormatException($"unsupported Go escape \\{e}"),
                });
                continue;
            }

            sb.Append(c);
        }

        _i++;
        return sb.ToString();
    }
}
