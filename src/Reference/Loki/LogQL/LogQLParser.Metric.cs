namespace Verified.Reference.Loki.LogQL;

public sealed partial class LogQLParser
{
    // rangeOp ( [NUMBER ,] logRangeExpr ) [grouping]
    private SampleExpr ParseRangeAggregation()
    {
        var op = Advance().Text;
        Expect(TokenKind.OpenParen, "(");
        string? parameter = null;
        if (At(TokenKind.Number))
        {
            parameter = Advance().Text;
            Expect(TokenKind.Comma, ",");
        }
        else if (!At(TokenKind.OpenBrace) && !At(TokenKind.OpenParen))
        {
            throw Unexpected("NUMBER or { or (");
        }

        var range = ParseLogRange();
        Expect(TokenKind.CloseParen);
        var grouping = At(TokenKind.By) || At(TokenKind.Without) ? ParseGrouping() : null;
        return MakeRangeAggregation(op, range, grouping, parameter);
    }

    // The logRangeExpr forms of syntax.y: the range may follow the selector, the pipeline or the unwrap,
    // and the selector part may be parenthesised.
    private LogRangeExpr ParseLogRange()
    {
        if (!At(TokenKind.OpenParen))
        {
            var (selector, stages, unwrap) = ParseRangeSource();
            return ContinueRange(selector, stages, unwrap, parenthesised: false);
        }

        Advance();
        if (At(TokenKind.OpenParen))
        {
            var nested = ParseLogRange();
            Expect(TokenKind.CloseParen);
            return nested;
        }

        var (sel, pipeline, unwrapped) = ParseRangeSource();
        if (At(TokenKind.CloseParen))
        {
            Advance();
            return ContinueRange(sel, pipeline, unwrapped, parenthesised: true);
        }

        var inner = ContinueRange(sel, pipeline, unwrapped, parenthesised: false);
        Expect(TokenKind.CloseParen);
        return inner;
    }

    private (MatchersExpr Selector, ValueList<PipelineStage>? Stages, UnwrapExpr? Unwrap) ParseRangeSource()
    {
        if (!At(TokenKind.OpenBrace))
        {
            throw Unexpected();
        }

        var selector = ParseSelector();
        ValueList<PipelineStage>? stages = IsPipelineStart() ? ParsePipeline() : null;
        var unwrap = IsUnwrapStart() ? ParseUnwrap() : null;
        return (selector, stages, unwrap);
    }

    private LogRangeExpr ContinueRange(MatchersExpr selector, ValueList<PipelineStage>? stages, UnwrapExpr? unwrap, bool parenthesised)
    {
        var interval = Expect(TokenKind.Range).Nanoseconds;
        long offset = 0;
        if (At(TokenKind.Offset))
        {
            Advance();
            offset = Expect(TokenKind.Duration, "DURATION").Nanoseconds;
        }

        if (stages is null && unwrap is null)
        {
            if (!parenthesised && IsPipelineStart())
            {
                stages = ParsePipeline();
                unwrap = IsUnwrapStart() ? ParseUnwrap() : null;
            }
            else if (IsUnwrapStart())
            {
                unwrap = ParseUnwrap();
            }
        }

        LogSelectorExpr left = stages is { } s ? new PipelineExpr(selector, s) : selector;
        return new LogRangeExpr(left, interval, offset, unwrap);
    }

    // vectorOp [grouping] ( [NUMBER ,] metricExpr ) [grouping]
    private SampleExpr ParseVectorAggregation()
    {
        var op = Advance().Text;
        var grouping = At(TokenKind.By) || At(TokenKind.Without) ? ParseGrouping() : null;
        Expect(TokenKind.OpenParen, "(");
        string? parameter = null;
        if (At(TokenKind.Number) && Second().Kind == TokenKind.Comma)
        {
            parameter = Advance().Text;
            Advance();
        }

        var inner = ParseMetricOperand();
        Expect(TokenKind.CloseParen);
        if (grouping is null && (At(TokenKind.By) || At(TokenKind.Without)))
        {
            grouping = ParseGrouping();
        }

        return MakeVectorAggregation(op, inner, grouping, parameter);
    }

    // label_replace ( metricExpr , STRING , STRING , STRING , STRING )
    private SampleExpr ParseLabelReplace()
    {
        Advance();
        Expect(TokenKind.OpenParen, "(");
        var inner = ParseMetricOperand();
        var args = new string[4];
        for (var i = 0; i < 4; i++)
        {
            Expect(TokenKind.Comma, ",");
            args[i] = Expect(TokenKind.String, "STRING").Text;
        }

        Expect(TokenKind.CloseParen, ")");
        return MakeLabelReplace(inner, args[0], args[1], args[2], args[3]);
    }
}
