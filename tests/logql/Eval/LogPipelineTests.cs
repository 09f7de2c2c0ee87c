using Verified.Reference.Loki.LogQL;
using Verified.Reference.Loki.LogQL.Eval;
using static Verified.LogQL.Tests.Eval.EvalFixtures;

namespace Verified.LogQL.Tests.Eval;

/// <summary>Examples for <see cref="LogPipeline"/> (issue 4): matchers, line filters, json, logfmt, label filters.</summary>
public sealed class LogPipelineTests
{
    private static LogPipeline Compile(string query) => LogPipeline.Compile((LogSelectorExpr)LogQLParser.Parse(query));

    private static string? Run(string query, string line, params (string, string)[] stream)
    {
        var result = Compile(query).Process(Labels(stream), Entry(1, line));
        return result.Keep ? Show(result.Labels) : null;
    }

    [Theory]
    [InlineData("{app=\"api\"}", true)]
    [InlineData("{app=~\".+\", app!=\"api\"}", false)]
    [InlineData("{app=~\"ap\"}", false)] // anchored: a prefix is not a match
    [InlineData("{app=~\"a.i\"}", true)]
    [InlineData("{app=~\"api|web\"}", true)]
    [InlineData("{app=~\".+\", app!~\"web.*\"}", true)]
    [InlineData("{app=\"api\", env=\"\"}", true)] // a missing label reads as ""
    [InlineData("{app=\"api\", env=~\".+\"}", false)]
    public void StreamMatchers_FollowPrometheusSemantics(string query, bool selected) =>
        Compile(query).Selects(Labels(("app", "api"))).ShouldBe(selected);

    [Fact]
    public void RegexMatcher_DotMatchesNewline_AndDollarIsEndOfText()
    {
        Compile("{app=~\"a.b\"}").Selects(Labels(("app", "a\nb"))).ShouldBeTrue();
        Compile("{app=~\"ab$\"}").Selects(Labels(("app", "ab\n"))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("{a=\"b\"} |= \"err\"", "an error", true)]
    [InlineData("{a=\"b\"} |= \"err\"", "an ERROR", false)]
    [InlineData("{a=\"b\"} != \"err\"", "an error", false)]
    [InlineData("{a=\"b\"} |~ \"(?i)err\"", "an ERROR", true)]
    [InlineData("{a=\"b\"} |~ \"^an\"", "an x", true)]
    [InlineData("{a=\"b\"} |~ \"x$\"", "an x", true)]
    [InlineData("{a=\"b\"} !~ \"[0-9]+\"", "no digits", true)]
    [InlineData("{a=\"b\"} |= \"foo\" or \"bar\"", "has bar", true)]
    [InlineData("{a=\"b\"} |= \"foo\" |= \"bar\"", "has bar", false)]
    [InlineData("{a=\"b\"} != \"foo\" or \"bar\"", "has bar", false)]
    [InlineData("{a=\"b\"} |= \"\"", "anything", true)]
    public void LineFilters_Chain(string query, string line, bool kept) =>
        (Run(query, line, ("a", "b")) is not null).ShouldBe(kept);

    [Fact]
    public void Json_ExtractsFlattenedSanitizedKeys()
    {
        Run("{a=\"b\"} | json", "{\"msg\":\"hi\",\"n\":1.50,\"ok\":true,\"nil\":null,\"arr\":[1],\"req\":{\"path\":\"/x\",\"my-id\":7},\"1st\":\"d\"}", ("a", "b"))
            .ShouldBe("{_1st=\"d\", a=\"b\", msg=\"hi\", n=\"1.50\", ok=\"true\", req_my_id=\"7\", req_path=\"/x\"}");
    }

    [Fact]
    public void Json_KeyCollidingWithStreamLabel_GetsExtractedSuffix() =>
        Run("{app=\"x\"} | json", "{\"app\":\"y\",\"o\":{\"app\":1}}", ("app", "x"), ("o_app", "z"))
            .ShouldBe("{app=\"x\", app_extracted=\"y\", o_app=\"z\", o_app_extracted=\"1\"}");

    [Fact]
    public void Json_NotAnObject_SetsJsonParserErr()
    {
        var labels = Compile("{a=\"b\"} | json").Process(Labels(("a", "b")), Entry(1, "plain text")).Labels;
        labels.Get("__error__").ShouldBe("JSONParserErr");
        labels.Has("__error_details__").ShouldBeTrue();
    }

    [Fact]
    public void Json_ErrorCanBeFilteredOut() =>
        Run("{a=\"b\"} | json | __error__=\"\"", "plain", ("a", "b")).ShouldBeNull();

    [Fact]
    public void Json_StructuredMetadataCollision_GetsSuffix()
    {
        var result = Compile("{a=\"b\"} | json").Process(Labels(("a", "b")), Entry(1, "{\"trace\":\"t2\"}", ("trace", "t1")));
        Show(result.Labels).ShouldBe("{a=\"b\", trace=\"t1\", trace_extracted=\"t2\"}");
    }

    [Fact]
    public void Logfmt_ExtractsPairs_SkipsMalformedAndEmpty() =>
        Run("{a=\"b\"} | logfmt", "level=info msg=\"hello \\\"w\\\"\" empty= bare bad\"x=1 2x=3 a=c", ("a", "b"))
            .ShouldBe("{_2x=\"3\", a=\"b\", a_extracted=\"c\", level=\"info\", msg=\"hello \\\"w\\\"\"}");

    [Theory]
    [InlineData("| status >= 500", "status=503", true)]
    [InlineData("| status >= 500", "status=404", false)]
    [InlineData("| status == 404 or status == 500", "status=404", true)]
    [InlineData("| status > 1 and status < 3", "status=2", true)]
    [InlineData("| status > 1, status < 3", "status=5", false)]
    [InlineData("| missing > 1", "status=5", false)]
    [InlineData("| latency > 250ms", "latency=1s", true)]
    [InlineData("| latency > 250ms", "latency=100ms", false)]
    [InlineData("| size >= 2KiB", "size=3KB", true)]
    [InlineData("| level=\"info\"", "level=info", true)]
    [InlineData("| level=~\"inf\"", "level=info", false)]
    [InlineData("| level!=\"info\"", "level=warn", true)]
    public void LabelFilters_Compare(string filter, string line, bool kept) =>
        (Run("{a=\"b\"} | logfmt " + filter, line, ("a", "b")) is not null).ShouldBe(kept);

    [Fact]
    public void NumericFilter_OnNonNumber_KeepsLineWithLabelFilterErr()
    {
        var labels = Compile("{a=\"b\"} | logfmt | status > 1").Process(Labels(("a", "b")), Entry(1, "status=abc")).Labels;
        labels.Get("__error__").ShouldBe("LabelFilterErr");
        labels.Get("__error_details__").ShouldBe("strconv.ParseFloat: parsing \"abc\": invalid syntax");
    }

    [Theory]
    [InlineData("{a=\"b\"} | line_format \"x\"", "| line_format")]
    [InlineData("{a=\"b\"} | regexp \"(?P<x>.)\"", "| regexp")]
    [InlineData("{a=\"b\"} | json x=\"y\"", "json with extraction parameters")]
    [InlineData("{a=\"b\"} | logfmt --strict", "logfmt with flags or extraction parameters")]
    [InlineData("{a=\"b\"} |> \"<_> x\"", "pattern line filter (|> / !>)")]
    [InlineData("{a=\"b\"} |= ip(\"10.0.0.0/8\")", "ip() line filter")]
    [InlineData("{a=\"b\"} | drop a", "| drop")]
    public void UnsupportedStage_ThrowsNotSupported(string query, string construct) =>
        Should.Throw<LogQLNotSupportedException>(() => Compile(query)).Construct.ShouldBe(construct);
}
