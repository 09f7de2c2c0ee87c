using System.Globalization;
using System.Text.Json;
using Verified.Conformance.Checks;
using Verified.Conformance.Placement;
using Verified.Reference.Loki;
using Verified.Reference.Loki.LogQL;

namespace Verified.Conformance.ReadPath;

/// <summary>loki/logql_parser_curated.json: hand-normalised JSON ASTs and exact error strings.</summary>
public static partial class LogQLVectors
{
    /// <summary>loki/logql_parser_curated.json.</summary>
    public const string CuratedFile = "loki/logql_parser_curated.json";

    /// <summary>Every curated query parses to its normalised AST; every curated error has Loki's text, message, line and column.</summary>
    public static CheckOutcome Curated(CheckContext context) => VectorReport.Run(context, CuratedFile, (root, report) =>
    {
        var cases = root.GetProperty("cases");
        for (var i = 0; i < cases.GetArrayLength(); i++)
        {
            var name = $"parse {cases[i].GetProperty("in").GetString()}";
            var index = i;
            report.Case(name, () => report.Equal(name, "AST", (string?)null, CuratedParseMismatch(cases, index)));
        }

        foreach (var e in root.GetProperty("errors").EnumerateArray())
        {
            var name = $"error {e.GetProperty("in").GetString()}";
            report.Case(name, () => report.Equal(name, "error", (string?)null, CuratedErrorMismatch(e)));
        }
    });

    /// <summary>Null when curated case <paramref name="index"/> parses to its AST ("same AST as the previous case" reads the previous one's).</summary>
    internal static string? CuratedParseMismatch(JsonElement cases, int index)
    {
        var astIndex = index;
        while (cases[astIndex].GetProperty("ast").ValueKind == JsonValueKind.String)
        {
            astIndex--;
        }

        var expected = ToExpr(cases[astIndex].GetProperty("ast"));
        var input = cases[index].GetProperty("in").GetString()!;
        try
        {
            var actual = LogQLParser.Parse(input);
            return actual == expected ? null : $"expected {expected}, actual {actual}";
        }
        catch (Exception e) when (e is LogQLParseException or LogQLNotSupportedException)
        {
            return $"expected {expected}, threw {e.Message}";
        }
    }

    /// <summary>Null when the curated error case fails with Loki's error string, message, line and column.</summary>
    internal static string? CuratedErrorMismatch(JsonElement e)
    {
        var input = e.GetProperty("in").GetString()!;
        try
        {
            return $"expected error «{e.GetProperty("error_string").GetString()}», parsed {LogQLParser.Parse(input)}";
        }
        catch (LogQLParseException error)
        {
            var expected = (e.GetProperty("error_string").GetString(), e.GetProperty("msg").GetString(), e.GetProperty("line").GetInt32(), e.GetProperty("col").GetInt32());
            var actual = (error.Message, error.Detail, error.Line, error.Column);
            return expected == actual ? null : $"expected {expected}, actual {actual}";
        }
        catch (LogQLNotSupportedException error)
        {
            return $"expected error «{e.GetProperty("error_string").GetString()}», got not-supported «{error.Message}»";
        }
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
                var type = Enum.GetValues<LineMatchType>().Single(t => LineOp(t) == s.GetProperty("op").GetString());
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

    /// <summary>The line filter operator texts (loki ast.go LineMatchType.String), written out independently of the printer.</summary>
    private static string LineOp(LineMatchType t) => t switch
    {
        LineMatchType.Equal => "|=",
        LineMatchType.NotEqual => "!=",
        LineMatchType.Regexp => "|~",
        LineMatchType.NotRegexp => "!~",
        LineMatchType.Pattern => "|>",
        _ => "!>",
    };
}
