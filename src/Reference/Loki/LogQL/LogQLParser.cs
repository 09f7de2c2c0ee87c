using System.Text;

namespace Verified.Reference.Loki.LogQL;

/// <summary>
/// Hand-written recursive-descent parser for LogQL that follows Loki's goyacc grammar
/// (loki pkg/logql/syntax syntax.y, lex.go, parser.go, ast.go) and reproduces its error texts and positions.
/// </summary>
/// <remarks>
/// Error precedence follows Loki: the first lexical or syntax error wins; errors Loki records inside AST nodes
/// (e.g. <c>parameter required for operation topk</c>) are reported only after the whole query parsed, found
/// by a pre-order walk; errors Loki raises by panicking (invalid matcher regex, bad number in a label filter)
/// are reported at once. Positions: see <see cref="Token"/>.
/// </remarks>
public sealed partial class LogQLParser
{
    /// <summary>parser.go maxInputSize (bytes).</summary>
    public const int MaxInputSize = 5120;

    private readonly LogQLLexer _lexer;
    private Token _tok;
    private Token? _second;

    private LogQLParser(string input)
    {
        _lexer = new LogQLLexer(input);
        _tok = _lexer.Next();
    }

    /// <summary>Loki's syntax.ParseExpr: parses and validates; throws <see cref="LogQLParseException"/> with Loki's text.</summary>
    /// <exception cref="LogQLNotSupportedException">Valid LogQL that Verified does not implement.</exception>
    public static Expr Parse(string input)
    {
        var expr = ParseWithoutValidation(input);
        Validate(expr);
        return expr;
    }

    /// <summary>Loki's syntax.ParseLogSelector(input, validate).</summary>
    public static LogSelectorExpr ParseLogSelector(string input, bool validate = true)
    {
        var expr = ParseWithoutValidation(input);
        if (expr is not LogSelectorExpr selector)
        {
            throw new FormatException("only log selector is supported");
        }

        if (validate)
        {
            Validate(expr);
        }

        return selector;
    }

    /// <summary>Loki's syntax.ParseSampleExpr.</summary>
    public static SampleExpr ParseSample(string input) =>
        Parse(input) as SampleExpr ?? throw new FormatException("only sample expression supported");

    private static Expr ParseWithoutValidation(string input)
    {
        var size = Encoding.UTF8.GetByteCount(input);
        if (size >= MaxInputSize)
        {
            throw new LogQLParseException($"input size too long ({size} > {MaxInputSize})", 0, 0);
        }

        var parser = new LogQLParser(input);
        var expr = parser.ParseExpr(0);
        if (parser._tok.Kind != TokenKind.End)
        {
            throw parser.Unexpected();
        }

        return expr;
    }

    private Token Advance()
    {
        var current = _tok;
        _tok = _second ?? _lexer.Next();
        _second = null;
        return current;
    }

    private Token Second()
    {
        _second ??= _lexer.Next();
        return _second.Value;
    }

    private bool At(TokenKind kind) => _tok.Kind == kind;

    private Token Expect(TokenKind kind, string? expecting = null) => At(kind) ? Advance() : throw Unexpected(expecting);

    // goyacc's verbose message; "expecting …" only where the state accepts few tokens (as Loki prints it).
    private LogQLParseException Unexpected(string? expecting = null) =>
        new($"syntax error: unexpected {_tok.DisplayName}" + (expecting is null ? "" : $", expecting {expecting}"), _tok.Line, _tok.Column);

    private static int? Precedence(TokenKind kind) => kind switch
    {
        TokenKind.Or => 1,
        TokenKind.And or TokenKind.Unless => 2,
        TokenKind.CmpEq or TokenKind.Neq or TokenKind.Gt or TokenKind.Gte or TokenKind.Lt or TokenKind.Lte => 3,
        TokenKind.Add or TokenKind.Sub => 4,
        TokenKind.Mul or TokenKind.Div or TokenKind.Mod => 5,
        TokenKind.Pow => 6,
        _ => null,
    };

    // syntax.y %left OR / AND UNLESS / comparisons / ADD SUB / MUL DIV MOD, %right POW.
    private Expr ParseExpr(int minPrecedence)
    {
        var left = ParsePrimary();
        while (Precedence(_tok.Kind) is { } precedence && precedence >= minPrecedence)
        {
            var op = Advance().Text;
            var options = ParseBinOpModifier();
            var right = ParseExpr(op == "^" ? precedence : precedence + 1);
            left = MakeBinOp(op, options, left, right);
        }

        return left;
    }

    private Expr ParsePrimary()
    {
        switch (_tok.Kind)
        {
            case TokenKind.OpenBrace:
                {
                    var selector = ParseSelector();
                    return IsPipelineStart() ? new PipelineExpr(selector, ParsePipeline()) : selector;
                }

            case TokenKind.OpenParen:
                {
                    Advance();
                    var inner = ParseExpr(0);
                    Expect(TokenKind.CloseParen);
                    return inner;
                }

            case TokenKind.Number:
                return MakeLiteral(Advance().Text, negate: false);
            case TokenKind.Add:
            case TokenKind.Sub:
                {
                    var negate = Advance().Kind == TokenKind.Sub;
                    return MakeLiteral(Expect(TokenKind.Number).Text, negate);
                }

            case TokenKind.RangeOp:
                return ParseRangeAggregation();
            case TokenKind.VectorOp:
                return ParseVectorAggregation();
            case TokenKind.LabelReplace:
                return ParseLabelReplace();
            case TokenKind.Vector:
                {
                    Advance();
                    Expect(TokenKind.OpenParen, "(");
                    var number = Expect(TokenKind.Number, "NUMBER").Text;
                    Expect(TokenKind.CloseParen, ")");
                    return LogQLLexer.ParseGoFloat(number) is { } v
                        ? new VectorExpr(v)
                        : new ErrorExpr($"unable to parse vectorExpr as a float: {GoParseFloatError(number)}", false);
                }

            case TokenKind.Variants:
                throw new LogQLNotSupportedException("variants(...) of (...)", _tok.Line, _tok.Column);
            default:
                throw Unexpected();
        }
    }

    private SampleExpr ParseMetricOperand()
    {
        var inner = ParseExpr(0);
        if (inner is LogSelectorExpr)
        {
            // A log query where the grammar needs a metricExpr: goyacc fails on the token that follows it.
            throw Unexpected();
        }

        return (SampleExpr)inner;
    }

    private MatchersExpr ParseSelector()
    {
        Expect(TokenKind.OpenBrace);
        var matchers = new List<LabelMatcher>();
        if (At(TokenKind.CloseBrace))
        {
            Advance();
            return new MatchersExpr(ValueList<LabelMatcher>.Empty);
        }

        if (!At(TokenKind.Identifier))
        {
            throw Unexpected("IDENTIFIER or }");
        }

        while (true)
        {
            matchers.Add(ParseMatcher(Expect(TokenKind.Identifier, "IDENTIFIER").Text));
            if (At(TokenKind.Comma))
            {
                Advance();
                continue;
            }

            Expect(TokenKind.CloseBrace, "} or ,");
            return new MatchersExpr(new ValueList<LabelMatcher>(matchers));
        }
    }

    private LabelMatcher ParseMatcher(string name)
    {
        var type = _tok.Kind switch
        {
            TokenKind.Eq => LabelMatchType.Equal,
            TokenKind.Neq => LabelMatchType.NotEqual,
            TokenKind.Re => LabelMatchType.Regexp,
            TokenKind.Nre => LabelMatchType.NotRegexp,
            _ => throw Unexpected(),
        };
        Advance();
        var value = Expect(TokenKind.String, "STRING").Text;
        return MakeMatcher(type, name, value);
    }

    private ValueList<string> ParseLabelList()
    {
        var labels = new List<string> { Expect(TokenKind.Identifier).Text };
        while (At(TokenKind.Comma))
        {
            Advance();
            labels.Add(Expect(TokenKind.Identifier, "IDENTIFIER").Text);
        }

        return new ValueList<string>(labels);
    }

    // grouping: by|without ( [labels] )
    private Grouping ParseGrouping()
    {
        var without = Advance().Kind == TokenKind.Without;
        Expect(TokenKind.OpenParen, "(");
        var groups = At(TokenKind.Identifier) ? ParseLabelList() : ValueList<string>.Empty;
        Expect(TokenKind.CloseParen);
        return new Grouping(without, groups);
    }

    private BinOpOptions ParseBinOpModifier()
    {
        var returnBool = false;
        if (At(TokenKind.Bool))
        {
            Advance();
            returnBool = true;
        }

        if (!At(TokenKind.On) && !At(TokenKind.Ignoring))
        {
            return BinOpOptions.Default with { ReturnBool = returnBool };
        }

        var on = Advance().Kind == TokenKind.On;
        Expect(TokenKind.OpenParen, "(");
        ValueList<string>? matching = At(TokenKind.Identifier) ? ParseLabelList() : null;
        Expect(TokenKind.CloseParen);
        var card = VectorMatchCardinality.OneToOne;
        ValueList<string>? include = null;
        if (At(TokenKind.GroupLeft) || At(TokenKind.GroupRight))
        {
            card = Advance().Kind == TokenKind.GroupLeft ? VectorMatchCardinality.ManyToOne : VectorMatchCardinality.OneToMany;
            if (At(TokenKind.OpenParen))
            {
                Advance();
                include = At(TokenKind.Identifier) ? ParseLabelList() : null;
                Expect(TokenKind.CloseParen);
            }
        }

        return new BinOpOptions(returnBool, card, on, matching, include);
    }
}
