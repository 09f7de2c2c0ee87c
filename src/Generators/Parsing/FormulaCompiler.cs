using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Verified.Generators.Parsing;

/// <summary>
/// Compiles a spec formula such as <c>max(rf, walked) / 2 + 1</c> into a C# integer expression.
/// Grammar: expr := shift; shift := sum ('&lt;&lt;' sum)*; sum := term (('+'|'-') term)*;
/// term := unary (('*'|'/'|'%') unary)*; unary := '-' unary | atom;
/// atom := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'.
/// Division truncates (as Go's and Java's int division do); functions: max, min, ceil_log2.
/// Constant sub-expressions are evaluated here, so an overflow or a division by zero is a spec error, not a
/// C# compile error in generated code.
/// </summary>
internal sealed class FormulaCompiler
{
    private static readonly Dictionary<string, (int Arity, string Template)> Functions = new()
    {
        ["max"] = (2, "global::System.Math.Max({0}, {1})"),
        ["min"] = (2, "global::System.Math.Min({0}, {1})"),
        ["ceil_log2"] = (1, "global::Verified.Routing.SpecMath.CeilLog2({0})"),
    };

    private readonly string _text;
    private readonly IReadOnlyCollection<string> _variables;
    private int _position;

    private FormulaCompiler(string text, IReadOnlyCollection<string> variables)
    {
        _text = text;
        _variables = variables;
    }

    /// <summary>Returns the C# expression, or null with <paramref name="error"/> set.</summary>
    public static string? Compile(string text, IReadOnlyCollection<string> variables, out string? error)
    {
        var compiler = new FormulaCompiler(text, variables);
        try
        {
            var expression = compiler.ParseShift();
            compiler.SkipSpace();
            if (compiler._position < text.Length)
            {
                throw Fail($"unexpected '{text[compiler._position]}'", compiler._position);
            }

            error = null;
            return expression.Code;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private Expr ParseShift()
    {
        var left = ParseSum();
        while (TryOperator("<<", out var at))
        {
            var right = ParseSum();
            left = Binary(left, right, "<<", at, (a, b) => b is < 0 or > 31 ? null : a << (int)b, parenthesize: true);
        }

        return left;
    }

    private Expr ParseSum()
    {
        var left = ParseTerm();
        while (true)
        {
            if (TryOperator("+", out var at))
            {
                left = Binary(left, ParseTerm(), "+", at, (a, b) => a + b);
            }
            else if (TryOperator("-", out at))
            {
                left = Binary(left, ParseTerm(), "-", at, (a, b) => a - b);
            }
            else
            {
                return left;
            }
        }
    }

    private Expr ParseTerm()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpace();
            if (Peek() is not ('*' or '/' or '%'))
            {
                return left;
            }

            var at = _position;
            var op = _text[_position++];
            var right = ParseUnary();
            if (op != '*' && right.Constant == 0)
            {
                throw Fail("division by zero", at);
            }

            left = op switch
            {
                '*' => Binary(left, right, "*", at, (a, b) => a * b),
                '/' => Binary(left, right, "/", at, (a, b) => a / b),
                _ => Binary(left, right, "%", at, (a, b) => a % b),
            };
        }
    }

    private Expr ParseUnary()
    {
        if (TryOperator("-", out var at))
        {
            var operand = ParseUnary();
            return new Expr($"-{operand.Code}", operand.Constant is { } c ? Check(-c, at) : null);
        }

        return ParseAtom();
    }

    private Expr ParseAtom()
    {
        SkipSpace();
        var start = _position;
        var c = Peek();
        if (c == '(')
        {
            _position++;
            var inner = ParseShift();
            Expect(')');
            return new Expr($"({inner.Code})", inner.Constant);
        }

        if (c is >= '0' and <= '9')
        {
            while (Peek() is >= '0' and <= '9')
            {
                _position++;
            }

            var digits = _text.Substring(start, _position - start);
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw Fail($"number {digits} does not fit in a 32-bit integer", start);
            }

            return new Expr(digits, value);
        }

        if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_')
        {
            while (Peek() is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
            {
                _position++;
            }

            var name = _text.Substring(start, _position - start);
            SkipSpace();
            if (Peek() == '(')
            {
                return ParseCall(name, start);
            }

            if (!_variables.Contains(name))
            {
                throw Fail($"unknown name '{name}' (this formula may use: {string.Join(", ", _variables)})", start);
            }

            return new Expr(name, null);
        }

        throw Fail(_position >= _text.Length ? "unexpected end of formula" : $"unexpected '{c}'", _position);
    }

    private Expr ParseCall(string name, int start)
    {
        if (!Functions.TryGetValue(name, out var function))
        {
            throw Fail($"unknown function '{name}' (known: {string.Join(", ", Functions.Keys)})", start);
        }

        Expect('(');
        var arguments = new List<Expr> { ParseShift() };
        while (TryOperator(",", out _))
        {
            arguments.Add(ParseShift());
        }

        Expect(')');
        if (arguments.Count != function.Arity)
        {
            throw Fail($"function '{name}' takes {function.Arity} argument(s), not {arguments.Count}", start);
        }

        long? constant = null;
        if (arguments.All(a => a.Constant is not null))
        {
            var values = arguments.Select(a => a.Constant!.Value).ToArray();
            constant = name switch
            {
                "max" => Math.Max(values[0], values[1]),
                "min" => Math.Min(values[0], values[1]),
                _ => values[0] <= 1 ? 0 : (long)Math.Ceiling(Math.Log(values[0], 2) - 1e-12),
            };
        }

        return new Expr(string.Format(CultureInfo.InvariantCulture, function.Template, arguments.Select(a => (object)a.Code).ToArray()), constant);
    }

    private Expr Binary(Expr left, Expr right, string op, int at, Func<long, long, long?> fold, bool parenthesize = false)
    {
        var code = parenthesize ? $"({left.Code} {op} {right.Code})" : $"{left.Code} {op} {right.Code}";
        if (left.Constant is not { } a || right.Constant is not { } b)
        {
            return new Expr(code, null);
        }

        var value = fold(a, b) ?? throw Fail($"shift count {b} is outside 0..31", at);
        return new Expr(code, Check(value, at));
    }

    private long Check(long value, int at) =>
        value is < int.MinValue or > int.MaxValue ? throw Fail($"the constant {value} overflows a 32-bit integer", at) : value;

    private bool TryOperator(string op, out int at)
    {
        SkipSpace();
        at = _position;
        if (string.CompareOrdinal(_text, _position, op, 0, op.Length) == 0)
        {
            _position += op.Length;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw Fail(_position >= _text.Length ? $"expected '{c}' before the end" : $"expected '{c}' but found '{Peek()}'", _position);
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private static FormatException Fail(string message, int at) =>
        new(new StringBuilder(message).Append(" at column ").Append(at + 1).ToString());

    /// <summary>A compiled sub-expression and, when it has no variables, its value.</summary>
    private readonly struct Expr
    {
        public Expr(string code, long? constant)
        {
            Code = code;
            Constant = constant;
        }

        public string Code { get; }

        public long? Constant { get; }
    }
}
