namespace Verified.Reference.Loki.LogQL;

public sealed partial class LogQLParser
{
    private static LineMatchType? LineFilterType(TokenKind kind) => kind switch
    {
        TokenKind.PipeExact => LineMatchType.Equal,
        TokenKind.Neq => LineMatchType.NotEqual,
        TokenKind.PipeMatch => LineMatchType.Regexp,
        TokenKind.Nre => LineMatchType.NotRegexp,
        TokenKind.PipePattern => LineMatchType.Pattern,
        TokenKind.Npa => LineMatchType.NotPattern,
        _ => null,
    };

    private bool IsUnwrapStart() => At(TokenKind.Pipe) && Second().Kind == TokenKind.Unwrap;

    private bool IsPipelineStart() => LineFilterType(_tok.Kind) is not null || (At(TokenKind.Pipe) && !IsUnwrapStart());

    private ValueList<PipelineStage> ParsePipeline()
    {
        var stages = new List<PipelineStage>();
        while (IsPipelineStart())
        {
            if (LineFilterType(_tok.Kind) is not null)
            {
                // lineFilters: consecutive line filters form one stage (ast.go newNestedLineFilterExpr).
                var filters = new List<LineFilter>();
                while (LineFilterType(_tok.Kind) is { } type)
                {
                    Advance();
                    filters.AddRange(ParseLineFilter(type));
                }

                stages.Add(new LineFilterStage(new ValueList<LineFilter>(filters)));
                continue;
            }

            Advance();
            stages.Add(ParsePipeStage());
        }

        return new ValueList<PipelineStage>(stages);
    }

    // lineFilter (OR orFilter)*: a positive operator keeps the alternatives; a negative one becomes a chain
    // of the same operator (ast.go newOrLineFilterExpr: !(a or b) == !a and !b).
    private IEnumerable<LineFilter> ParseLineFilter(LineMatchType type)
    {
        var terms = new List<LineFilterTerm> { ParseLineFilterTerm() };
        while (At(TokenKind.Or))
        {
            Advance();
            terms.Add(ParseLineFilterTerm());
        }

        var positive = type is LineMatchType.Equal or LineMatchType.Regexp or LineMatchType.Pattern;
        return positive
            ? [new LineFilter(type, new ValueList<LineFilterTerm>(terms))]
            : terms.Select(t => new LineFilter(type, ValueList.Of(t)));
    }

    private LineFilterTerm ParseLineFilterTerm()
    {
        if (At(TokenKind.String))
        {
            return new LineFilterTerm(Advance().Text, false);
        }

        if (!At(TokenKind.Ip))
        {
            throw Unexpected("STRING or ip");
        }

        Advance();
        Expect(TokenKind.OpenParen, "(");
        var pattern = Expect(TokenKind.String, "STRING").Text;
        Expect(TokenKind.CloseParen, ")");
        return new LineFilterTerm(pattern, true);
    }

    private PipelineStage ParsePipeStage()
    {
        switch (_tok.Kind)
        {
            case TokenKind.Json:
                Advance();
                return new JsonParserStage(At(TokenKind.Identifier) ? ParseExtractions() : ValueList<LabelExtraction>.Empty);
            case TokenKind.Logfmt:
                {
                    Advance();
                    var (strict, keepEmpty) = (false, false);
                    while (At(TokenKind.ParserFlag))
                    {
                        var flag = Advance().Text;
                        strict |= flag == "--strict";
                        keepEmpty |= flag == "--keep-empty";
                    }

                    return new LogfmtParserStage(strict, keepEmpty, At(TokenKind.Identifier) ? ParseExtractions() : ValueList<LabelExtraction>.Empty);
                }

            case TokenKind.Unpack:
                Advance();
                return new LineParserStage("unpack", "");
            case TokenKind.Regexp:
            case TokenKind.PatternKw:
                {
                    var parser = Advance().Text;
                    return new LineParserStage(parser, Expect(TokenKind.String, "STRING").Text);
                }

            case TokenKind.LineFormat:
                Advance();
                return new LineFormatStage(Expect(TokenKind.String, "STRING").Text);
            case TokenKind.LabelFormat:
                Advance();
                return ParseLabelFormats();
            case TokenKind.Decolorize:
                Advance();
                return new DecolorizeStage();
            case TokenKind.Drop:
            case TokenKind.Keep:
                {
                    var keep = Advance().Kind == TokenKind.Keep;
                    var labels = new List<NamedLabelMatcher> { ParseNamedMatcher() };
                    while (At(TokenKind.Comma))
                    {
                        Advance();
                        labels.Add(ParseNamedMatcher());
                    }

                    return new DropKeepStage(keep, new ValueList<NamedLabelMatcher>(labels));
                }

            case TokenKind.Identifier:
            case TokenKind.OpenParen:
                return new LabelFilterStage(ParseLabelFilterOr());
            default:
                throw Unexpected();
        }
    }

    private ValueList<LabelExtraction> ParseExtractions()
    {
        var list = new List<LabelExtraction>();
        do
        {
            if (list.Count > 0)
            {
                Advance();
            }

            var id = Expect(TokenKind.Identifier, "IDENTIFIER").Text;
            if (At(TokenKind.Eq))
            {
                Advance();
                list.Add(new LabelExtraction(id, Expect(TokenKind.String, "STRING").Text));
            }
            else
            {
                list.Add(new LabelExtraction(id, id));
            }
        }
        while (At(TokenKind.Comma));

        return new ValueList<LabelExtraction>(list);
    }

    private LabelFormatStage ParseLabelFormats()
    {
        var formats = new List<LabelFormat>();
        do
        {
            if (formats.Count > 0)
            {
                Advance();
            }

            var name = Expect(TokenKind.Identifier, "IDENTIFIER").Text;
            Expect(TokenKind.Eq, "=");
            if (At(TokenKind.Identifier))
            {
                formats.Add(new LabelFormat(name, Advance().Text, true));
            }
            else
            {
                formats.Add(new LabelFormat(name, Expect(TokenKind.String, "IDENTIFIER or STRING").Text, false));
            }
        }
        while (At(TokenKind.Comma));

        return new LabelFormatStage(new ValueList<LabelFormat>(formats));
    }

    private NamedLabelMatcher ParseNamedMatcher()
    {
        var name = Expect(TokenKind.Identifier, "IDENTIFIER").Text;
        return At(TokenKind.Eq) || At(TokenKind.Neq) || At(TokenKind.Re) || At(TokenKind.Nre)
            ? new NamedLabelMatcher(null, ParseMatcher(name))
            : new NamedLabelMatcher(name, null);
    }

    // Label filter precedence (syntax.y): "or" < "and"; "," and juxtaposition have no precedence, so goyacc
    // shifts: they take the whole rest of the expression as their right operand (a, b or c = a and (b or c)).
    private LabelFilter ParseLabelFilterOr()
    {
        var left = ParseLabelFilterAnd();
        while (At(TokenKind.Or))
        {
            Advance();
            left = new BinaryLabelFilter(left, ParseLabelFilterAnd(), false);
        }

        return left;
    }

    private LabelFilter ParseLabelFilterAnd()
    {
        var left = ParseLabelFilterJuxtaposed();
        while (At(TokenKind.And))
        {
            Advance();
            left = new BinaryLabelFilter(left, ParseLabelFilterJuxtaposed(), true);
        }

        return left;
    }

    private LabelFilter ParseLabelFilterJuxtaposed()
    {
        var first = ParseLabelFilterPrimary();
        if (At(TokenKind.Comma))
        {
            Advance();
            return new BinaryLabelFilter(first, ParseLabelFilterOr(), true);
        }

        return At(TokenKind.Identifier) || At(TokenKind.OpenParen)
            ? new BinaryLabelFilter(first, ParseLabelFilterOr(), true)
            : first;
    }

    private LabelFilter ParseLabelFilterPrimary()
    {
        if (At(TokenKind.OpenParen))
        {
            Advance();
            var inner = ParseLabelFilterOr();
            Expect(TokenKind.CloseParen);
            return inner;
        }

        var name = Expect(TokenKind.Identifier).Text;
        var opKind = _tok.Kind;
        var op = opKind switch
        {
            TokenKind.Eq or TokenKind.CmpEq => LabelFilterOp.Equal,
            TokenKind.Neq => LabelFilterOp.NotEqual,
            TokenKind.Gt => LabelFilterOp.GreaterThan,
            TokenKind.Gte => LabelFilterOp.GreaterThanOrEqual,
            TokenKind.Lt => LabelFilterOp.LessThan,
            TokenKind.Lte => LabelFilterOp.LessThanOrEqual,
            TokenKind.Re or TokenKind.Nre => LabelFilterOp.Equal,
            _ => throw Unexpected(),
        };

        if (opKind is TokenKind.Re or TokenKind.Nre)
        {
            return new StringLabelFilter(ParseMatcher(name));
        }

        Advance();
        if (At(TokenKind.String) && opKind is TokenKind.Eq or TokenKind.Neq)
        {
            var type = opKind == TokenKind.Eq ? LabelMatchType.Equal : LabelMatchType.NotEqual;
            return new StringLabelFilter(MakeMatcher(type, name, Advance().Text));
        }

        if (At(TokenKind.Ip) && opKind is TokenKind.Eq or TokenKind.Neq)
        {
            Advance();
            Expect(TokenKind.OpenParen, "(");
            var pattern = Expect(TokenKind.String, "STRING").Text;
            Expect(TokenKind.CloseParen, ")");
            return new IpLabelFilter(op, name, pattern);
        }

        switch (_tok.Kind)
        {
            case TokenKind.Duration:
                return new DurationLabelFilter(op, name, Advance().Nanoseconds);
            case TokenKind.Bytes:
                return new BytesLabelFilter(op, name, Advance().Bytes);
            case TokenKind.Number:
                return new NumericLabelFilter(op, name, LabelFilterNumber(Advance().Text, negate: false));
            case TokenKind.Add:
            case TokenKind.Sub:
                {
                    var negate = Advance().Kind == TokenKind.Sub;
                    return new NumericLabelFilter(op, name, LabelFilterNumber(Expect(TokenKind.Number, "NUMBER").Text, negate));
                }

            default:
                throw Unexpected();
        }
    }

    // ast.go mustNewNumericLabelFilter panics on a bad literal: reported at once, without a position.
    private static double LabelFilterNumber(string text, bool negate)
    {
        var value = LogQLLexer.ParseGoFloat(text)
            ?? throw new LogQLParseException($"unable to parse literal as a float: {GoParseFloatError(text)}", 0, 0);
        return negate ? -value : value;
    }

    private UnwrapExpr ParseUnwrap()
    {
        Expect(TokenKind.Pipe);
        Expect(TokenKind.Unwrap);
        string identifier;
        var conversion = "";
        if (At(TokenKind.ConvOp))
        {
            conversion = Advance().Text;
            Expect(TokenKind.OpenParen, "(");
            identifier = Expect(TokenKind.Identifier, "IDENTIFIER").Text;
            Expect(TokenKind.CloseParen, ")");
        }
        else
        {
            identifier = Expect(TokenKind.Identifier).Text;
        }

        var post = new List<LabelFilter>();
        while (At(TokenKind.Pipe))
        {
            Advance();
            post.Add(ParseLabelFilterOr());
        }

        return new UnwrapExpr(identifier, conversion, new ValueList<LabelFilter>(post));
    }
}
