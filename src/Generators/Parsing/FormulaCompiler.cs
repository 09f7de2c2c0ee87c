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
                throw compiler.Fail($"unexpected '{text[compiler._position]}'");
            }

            error = null;
            return expression;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private string ParseShift()
    {
        var left = ParseSum();
        while (TryOperator("<<"))
        {
            left = $"({left} << {ParseSum()})";
        }

        return left;
    }

    private string ParseSum()
    {
        var left = ParseTerm();
        while (true)
        {
            if (TryOperator("+"))
            {
                left = $"{left} + {ParseTerm()}";
            }
            else if (TryOperator("-"))
            {
                left = $"{left} - {ParseTerm()}";
            }
            else
            {
                return left;
            }
        }
    }

    private string ParseTerm()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpace();
            if (Peek() is '*' or '/' or '%')
            {
                var op = _text[_position++];
                left = $"{left} {op} {ParseUnary()}";
            }
            else
            {
                return left;
            }
        }
    }

    private string ParseUnary() => TryOperator("-") ? $"-{ParseUnary()}" : ParseAtom();

    private string ParseAtom()
    {
        SkipSpace();
        var c = Peek();
        if (c == '(')
        {
            _position++;
            var inner = ParseShift();
            Expect(')');
            return $"({inner})";
        }

        if (c is >= '0' and <= '9')
        {
            var start = _position;
            while (Peek() is >= '0' and <= '9')
            {
                _position++;
            }

            var digits = _text.Substring(start, _position - start);
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw Fail($"number {digits} does not fit in a 32-bit integer");
            }

            return digits;
        }

        if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_')
        {
            var start = _position;
            while (Peek() is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
            {
                _position++;
            }

            var name = _text.Substring(start, _position - start);
            SkipSpace();
            if (Peek() == '(')
            {
                return ParseCall(name);
            }

            if (!_variables.Contains(name))
            {
                throw Fail($"unknown name '{name}' (this formula may use: {string.Join(", ", _variables)})");
            }

            return name;
        }

        throw Fail(_position >= _text.Length ? "unexpected end of formula" : $"unexpected '{c}'");
    }

    private string ParseCall(string name)
    {
        if (!Functions.TryGetValue(name, out var function))
        {
            throw Fail($"unknown function '{name}' (known: {string.Join(", ", Functions.Keys)})");
        }

        Expect('(');
        var arguments = new List<string> { ParseShift() };
        while (TryOperator(","))
        {
            arguments.Add(ParseShift());
        }

        Expect(')');
        if (arguments.Count != function.Arity)
        {
            throw Fail($"function '{name}' takes {function.Arity} argument(s), not {arguments.Count}");
        }

        return string.Format(CultureInfo.InvariantCulture, function.Template, arguments.ToArray());
    }

    private bool TryOperator(string op)
    {
        SkipSpace();
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
            throw Fail(_position >= _text.Length ? $"expected '{c}' before the end" : $"expected '{c}' but found '{Peek()}'");
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

    private FormatException Fail(string message) =>
        new(new StringBuilder(message).Append(" at column ").Append(_position + 1).ToString());
}
