using System.Globalization;
using System.Text.Json;
using Verified.Reference.Loki.LogQL;
using Verified.Reference.Loki;
using Verified.Tests.Shared;

namespace Verified.LogQL.Tests;

/// <summary>vectors/loki/logql_parser_curated.json: 15 parses (hand-normalised JSON AST) and 13 exact error strings.</summary>
public sealed class CuratedVectorTests
{
    private static readonly JsonElement Curated = SharedVectors.Load("loki/logql_parser_curated.json");

    public static TheoryData<int> ParseIndexes() => Range(Curated.GetProperty("cases").GetArrayLength());

    public static TheoryData<int> ErrorIndexes() => Range(Curated.GetProperty("errors").GetArrayLength());

    [Fact]
    public void CuratedFile_HasFifteenParsesAndThirteenErrors()
    {
        Curated.GetProperty("cases").GetArrayLength().ShouldBe(15);
        Curated.GetProperty("errors").GetArrayLength().ShouldBe(13);
    }

    [Theory]
    [MemberData(nameof(ParseIndexes))]
    public void CuratedParse_MatchesNormalisedAst(int index)
    {
        var cases = Curated.GetProperty("cases");
        var c = cases[index];

        // "same AST as the previous case" stands for the previous case's AST.
        var astIndex = index;
        while (cases[astIndex].GetProperty("ast").ValueKind == JsonValueKind.String)
        {
            astIndex--;
        }

        var expected = ToExpr(cases[astIndex].GetProperty("ast"));
        LogQLParser.Parse(c.GetProperty("in").GetString()!).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(ErrorIndexes))]
    public void CuratedError_HasLokisExactText(int index)
    {
        var e = Curated.GetProperty("errors")[index];
        var error = Should.Throw<LogQLParseException>(() => LogQLParser.Parse(e.GetProperty("in").GetString()!));
        error.Message.ShouldBe(e.GetProperty("error_string").GetString());
        error.Detail.ShouldBe(e.GetProperty("msg").GetString());
        error.Line.ShouldBe(e.GetProperty("line").GetInt32());
        error.Column.ShouldBe(e.GetProperty("col").GetInt32());
    }

    private static TheoryData<int> Range(int n)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < n; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static long Duration(JsonElement e) => GoDuration.TryParseLogQL(e.GetString()!, out var error) ?? throw new FormatException(error);

    private static Grouping? ToGrouping(JsonElement e) => e.ValueKind == JsonValueKind.Null
        ? null
        : new Grouping(e.GetProperty("without").GetBoolean(), new ValueList<string>(e.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!)));

    private static Expr ToExpr(JsonElement e) => e.GetProperty("node").GetString() switch
    {
        "MatchersExpr" => new MatchersExpr(new ValueList<LabelMatcher>(e.GetProperty("matchers").EnumerateArray().Select(ToMatcher))),
        "PipelineExpr" => new PipelineExpr((MatchersExpr)ToExpr(e.GetProperty("left")), new ValueList<PipelineStage>(ToStages(e.GetProperty("stages")))),
        "RangeAggregationExpr" => new RangeAggregationExpr(
            e.GetProperty("op").GetString()!,
            ToRange(e.GetProperty("left")),
            e.TryGetProperty("grouping", out var g) ? ToGrouping(g) : null,
            null),
        "VectorAggregationExpr" => new VectorAggregationExpr(
            e.GetProperty("op").GetString()!,
            (SampleExpr)ToExpr(e.GetProperty("left")),
            ToGrouping(e.GetProperty("grouping")) ?? Grouping.None,
            0),
        "LiteralExpr" => new LiteralExpr(e.GetProperty("value").GetDouble()),
        var node => throw new FormatException($"unknown curated node {node}"),
    };

    private static LogRangeExpr ToRange(JsonElement e) => new(
        (LogSelectorExpr)ToExpr(e.GetProperty("left")),
        Duration(e.GetProperty("interval")),
        e.TryGetProperty("offset", out var o) ? Duration(o) : 0,
        e.TryGetProperty("unwrap", out var u)
            ? new UnwrapExpr(u.GetProperty("identifier").GetString()!, u.GetProperty("conversion").GetString()!, ValueList<LabelFilter>.Empty)
            : null);

    private static LabelMatcher ToMatcher(JsonElement m) => new(
        m.GetProperty("type").GetString() switch
        {
            "=" => LabelMatchType.Equal,
            "!=" => LabelMatchType.NotEqual,
            "=~" => LabelMatchType.Regexp,
            _ => LabelMatchType.NotRegexp,
        },
        m.GetProperty("name").GetString()!,
        m.GetProperty("value").GetString()!);

    private static IEnumerable<PipelineStage> ToStages(JsonElement stages)
    {
        var lineFilters = new List<LineFilter>();
        foreach (var s in stages.EnumerateArray())
        {
            if (s.GetProperty("node").GetString() == "LineFilterExpr")
            {
                var type = Enum.GetValues<LineMatchType>().Single(t => LogQLPrinterOps.LineOp(t) == s.GetProperty("op").GetString());
                lineFilters.Add(new LineFilter(type, ValueList.Of(new LineFilterTerm(s.GetProperty("match").GetString()!, false))));
                continue;
            }

            if (lineFilters.Count > 0)
            {
                yield return new LineFilterStage(new ValueList<LineFilter>(lineFilters));
                lineFilters = [];
            }

            yield return s.GetProperty("node").GetString() switch
            {
                "LogfmtParserExpr" => new LogfmtParserStage(false, false, ValueList<LabelExtraction>.Empty),
                "LineFmtExpr" => new LineFormatStage(s.GetProperty("template").GetString()!),
                "LabelFilterExpr" => new LabelFilterStage(ToFilter(s.GetProperty("filter"))),
                var node => throw new FormatException($"unknown curated stage {node}"),
            };
        }

        if (lineFilters.Count > 0)
        {
            yield return new LineFilterStage(new ValueList<LineFilter>(lineFilters));
        }
    }

    private static LabelFilter ToFilter(JsonElement f)
    {
        var op = f.GetProperty("op").GetString() switch
        {
            ">" => LabelFilterOp.GreaterThan,
            ">=" => LabelFilterOp.GreaterThanOrEqual,
            "<" => LabelFilterOp.LessThan,
            "<=" => LabelFilterOp.LessThanOrEqual,
            "!=" => LabelFilterOp.NotEqual,
            _ => LabelFilterOp.Equal,
        };
        return f.GetProperty("kind").GetString() switch
        {
            "duration" => new DurationLabelFilter(op, f.GetProperty("name").GetString()!, Duration(f.GetProperty("value"))),
            "numeric" => new NumericLabelFilter(op, f.GetProperty("name").GetString()!, double.Parse(f.GetProperty("value").GetString()!, CultureInfo.InvariantCulture)),
            var kind => throw new FormatException($"unknown curated filter {kind}"),
        };
    }
}

/// <summary>The line filter operator texts (ast.go LineMatchType.String), written out for the tests.</summary>
internal static class LogQLPrinterOps
{
    public static string LineOp(LineMatchType t) => t switch
    {
        LineMatchType.Equal => "|=",
        LineMatchType.NotEqual => "!=",
        LineMatchType.Regexp => "|~",
        LineMatchType.NotRegexp => "!~",
        LineMatchType.Pattern => "|>",
        _ => "!>",
    };
}
