using Verified.Reference.Loki.LogQL;

namespace Verified.LogQL.Tests;

/// <summary>Hand-picked examples: error texts and positions, Loki's printer quirks, and the unsupported construct.</summary>
public sealed class ParserExampleTests
{
    [Theory]
    [InlineData("{app=\"foo\"} | x != 5 and y", "parse error at line 1, col 27: syntax error: unexpected $end")]
    [InlineData("{app=\"foo\"} |= \"a\" or", "parse error at line 1, col 22: syntax error: unexpected $end, expecting STRING or ip")]
    [InlineData("{}", "parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will")]
    [InlineData("{app=~\".*\"}", "parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will")]
    [InlineData("sort by (a) (count_over_time({app=\"x\"}[1m]))", "parse error : sort and sort_desc doesn't allow grouping by ")]
    [InlineData("topk(0, count_over_time({app=\"x\"}[1m]))", "parse error : invalid parameter (must be greater than 0) topk(0")]
    [InlineData("{app=\"x\"} | b > 0B", "parse error at line 1, col 17: binary literal has no digits")]
    [InlineData("rate({app=\"x\"}[])", "parse error at line 0, col 15: empty duration string")]
    [InlineData("rate({app=\"x\"}[1m1h])", "parse error at line 0, col 15: not a valid duration string: \"1m1h\"")]
    public void BadQuery_HasLokisErrorText(string query, string expected) =>
        Should.Throw<LogQLParseException>(() => LogQLParser.Parse(query)).Message.ShouldBe(expected);

    [Fact]
    public void TwoCharacterOperator_IsReportedOnLineZero()
    {
        // text/scanner's Next() zeroes the line: Loki reports "line 0" for tokens lexed with a look-ahead.
        var e = Should.Throw<LogQLParseException>(() => LogQLParser.Parse("{app=\"x\"} |= \"a\" | foo >= bar"));
        e.Message.ShouldBe("parse error at line 1, col 27: syntax error: unexpected IDENTIFIER");
        Should.Throw<LogQLParseException>(() => LogQLParser.Parse("{app=\"x\"} != ")).Message
            .ShouldBe("parse error at line 1, col 14: syntax error: unexpected $end, expecting STRING or ip");
        Should.Throw<LogQLParseException>(() => LogQLParser.Parse("sum(count_over_time({app=\"x\"}[1m])) >= ")).Line.ShouldBe(1);
        Should.Throw<LogQLParseException>(() => LogQLParser.Parse("{app=\"x\"} |= \"a\" >= 1")).Message
            .ShouldBe("parse error : unexpected type for left leg of binary operation (>=): *syntax.PipelineExpr");
    }

    [Fact]
    public void MultiLineQuery_ReportsLineAndColumn() =>
        Should.Throw<LogQLParseException>(() => LogQLParser.Parse("sum(\n  rate({app=\"x\"}[1m])\n) foo")).Message
            .ShouldBe("parse error at line 3, col 3: syntax error: unexpected IDENTIFIER");

    [Fact]
    public void Variants_IsNotSupportedRatherThanASyntaxError()
    {
        var e = Should.Throw<LogQLNotSupportedException>(() => LogQLParser.Parse("variants(count_over_time({app=\"x\"}[1m])) of ({app=\"x\"}[1m])"));
        e.Message.ShouldContain("not supported by Verified");
        e.ShouldNotBeAssignableTo<FormatException>();
    }

    [Fact]
    public void OversizedInput_IsRejectedWithLokisText() =>
        Should.Throw<LogQLParseException>(() => LogQLParser.Parse("{app=\"" + new string('a', 5120) + "\"}")).Message
            .ShouldBe("parse error : input size too long (5128 > 5120)");

    [Theory]
    [InlineData("sum(count_over_time({app=\"x\"}[5m] offset 5m)) by ()", "sum(count_over_time({app=\"x\"}[5m] offset 5m0s))")]
    [InlineData("count_over_time({app=\"x\"} |= \"a\" [90m])", "count_over_time({app=\"x\"} |= \"a\"[1h30m])")]
    [InlineData("{app=\"x\"} | logfmt | d > 5d and s >= 2.5KiB", "{app=\"x\"} | logfmt | ( d>120h0m0s , s>=2.6kB )")]
    [InlineData("1 + -2 / 1", "-1")]
    [InlineData("vector(2)", "vector(2.000000)")]
    [InlineData("a_b", null)]
    public void Printer_FollowsLokisStringRules(string query, string? expected)
    {
        if (expected is null)
        {
            Should.Throw<LogQLParseException>(() => LogQLParser.Parse(query));
            return;
        }

        LogQLParser.Parse(query).ToString().ShouldBe(expected);
    }

    [Fact]
    public void NegatedOrChain_BecomesAChainOfTheSameOperator()
    {
        var e = (PipelineExpr)LogQLParser.Parse("{app=\"x\"} != \"a\" or \"b\"");
        var stage = (LineFilterStage)e.Stages[0];
        stage.Filters.Count.ShouldBe(2);
        stage.Filters.ShouldAllBe(f => f.Type == LineMatchType.NotEqual && f.Terms.Count == 1);
    }

    [Fact]
    public void CommaInLabelFilter_TakesTheRestAsItsRightOperand()
    {
        // syntax.y gives "," no precedence, so goyacc shifts: a, b or c == a and (b or c).
        var e = (PipelineExpr)LogQLParser.Parse("{app=\"x\"} | a=\"1\", b=\"2\" or c=\"3\"");
        var f = (BinaryLabelFilter)((LabelFilterStage)e.Stages[0]).Filter;
        f.And.ShouldBeTrue();
        ((BinaryLabelFilter)f.Right).And.ShouldBeFalse();
    }

    [Fact]
    public void ZeroBytesFilter_PrintsTextThatLokiCannotReadBack()
    {
        // Pinned from the round-trip property: BytesLabelFilter(0) prints "0B" (humanize.Bytes), which Go's
        // scanner reads as a binary literal without digits. Loki has the same asymmetry.
        var text = new PipelineExpr(
            new MatchersExpr(ValueList.Of(new LabelMatcher(LabelMatchType.Equal, "app", "x"))),
            ValueList.Of<PipelineStage>(new LabelFilterStage(new BytesLabelFilter(LabelFilterOp.GreaterThan, "b", 0)))).ToString();
        text.ShouldBe("{app=\"x\"} | b>0B");
        Should.Throw<LogQLParseException>(() => LogQLParser.Parse(text));
    }

    [Fact]
    public void GroupLeftBeforeParenthesisedOperand_ReadsItAsTheIncludeList()
    {
        // Pinned from the round-trip property: Loki prints "group_left (x + y)" ambiguously, and its grammar
        // (like this parser) takes "(" as the start of group_left's label list.
        Should.Throw<LogQLParseException>(() => LogQLParser.Parse(
            "count_over_time({app=\"x\"}[1m]) > on () group_left (count_over_time({app=\"x\"}[1m]) + 1)"));
    }

    [Fact]
    public void DropFollowedByNegativeLineFilter_ReadsAsAMatcher()
    {
        // Pinned from the round-trip property: "| drop a != \"x\"" is the matcher a!="x" (goyacc shifts).
        var e = (PipelineExpr)LogQLParser.Parse("{app=\"x\"} | drop a != \"x\"");
        e.Stages.Count.ShouldBe(1);
        ((DropKeepStage)e.Stages[0]).Labels[0].Matcher.ShouldNotBeNull();
    }
}
