using System.Globalization;
using Verified.Reference.Loki.LogQL;

namespace Verified.Conformance.ReadPath.GoLiteral;

/// <summary>An expected AST uses a Loki constructor this builder (and so Verified) does not model.</summary>
internal sealed class OutOfSubsetException(string what) : Exception($"outside the Verified subset: {what}");

/// <summary>
/// Evaluates the Go expected-AST text of loki parser_test.go into Verified's AST, following what each Loki
/// constructor does (facts from loki pkg/logql/syntax ast.go): literal folding in mustNewBinOpExpr,
/// line-filter nesting and or-chains, default grouping of vector aggregations.
/// </summary>
internal static class GoAstBuilder
{
    private const long Ns = 1, Us = 1000, Ms = 1_000_000, Second = 1_000_000_000, Minute = 60 * Second, Hour = 60 * Minute;

    /// <summary>Loki's LineFilterExpr as a mutable tree (Left chain and Or chain), before flattening.</summary>
    private sealed class GoLineFilter
    {
        public LineMatchType Ty { get; set; }

        public string Op { get; set; } = "";

        public string Match { get; set; } = "";

        public GoLineFilter? Left { get; set; }

        public GoLineFilter? Or { get; set; }

        public bool IsOrChild { get; set; }
    }

    private sealed record VectorMatching(VectorMatchCardinality Card, bool On, ValueList<string>? Matching, ValueList<string>? Include);

    public static Expr Build(string goText) => (Expr)Normalize(Eval(GoLiteralReader.Read(goText)))!;

    private static object? Normalize(object? value) => value switch
    {
        GoLineFilter lf => Flatten(lf),
        _ => value,
    };

    private static object? Eval(GoNode node) => node switch
    {
        GoString s => s.Value,
        GoNumber n => n.Text.Contains('.', StringComparison.Ordinal) || n.Text.Contains('e', StringComparison.Ordinal)
            ? (object)double.Parse(n.Text, CultureInfo.InvariantCulture)
            : long.Parse(n.Text, CultureInfo.InvariantCulture),
        GoNegate neg => Eval(neg.Operand) switch
        {
            long l => -l,
            double d => -d,
            var other => throw new OutOfSubsetException($"negate {other}"),
        },
        GoProduct p => p.Factors.Select(Eval).Aggregate((object?)1L, (acc, f) => (acc, f) switch
        {
            (long a, long b) => a * b,
            (long a, double b) => a * b,
            (double a, long b) => a * b,
            _ => throw new OutOfSubsetException("product"),
        }),
        GoIdent id => Ident(id.Path),
        GoCall call => Call(call),
        GoComposite c => Composite(c),
        _ => throw new OutOfSubsetException(node.ToString()),
    };

    private static object? Ident(string path) => path switch
    {
        "nil" => null,
        "true" => true,
        "false" => false,
        "labels.MatchEqual" => LabelMatchType.Equal,
        "labels.MatchNotEqual" => LabelMatchType.NotEqual,
        "labels.MatchRegexp" => LabelMatchType.Regexp,
        "labels.MatchNotRegexp" => LabelMatchType.NotRegexp,
        "log.LineMatchEqual" => LineMatchType.Equal,
        "log.LineMatchNotEqual" => LineMatchType.NotEqual,
        "log.LineMatchRegexp" => LineMatchType.Regexp,
        "log.LineMatchNotRegexp" => LineMatchType.NotRegexp,
        "log.LineMatchPattern" => LineMatchType.Pattern,
        "log.LineMatchNotPattern" => LineMatchType.NotPattern,
        "log.LabelFilterEqual" => LabelFilterOp.Equal,
        "log.LabelFilterNotEqual" => LabelFilterOp.NotEqual,
        "log.LabelFilterGreaterThan" => LabelFilterOp.GreaterThan,
        "log.LabelFilterGreaterThanOrEqual" => LabelFilterOp.GreaterThanOrEqual,
        "log.LabelFilterLesserThan" => LabelFilterOp.LessThan,
        "log.LabelFilterLesserThanOrEqual" => LabelFilterOp.LessThanOrEqual,
        "time.Nanosecond" => Ns,
        "time.Microsecond" => Us,
        "time.Millisecond" => Ms,
        "time.Second" => Second,
        "time.Minute" => Minute,
        "time.Hour" => Hour,
        "OpFilterIP" => "ip",
        "OpStrict" => "--strict",
        "OpKeepEmpty" => "--keep-empty",
        "OpParserTypeJSON" => "json",
        "OpParserTypeLogfmt" => "logfmt",
        "OpParserTypeRegexp" => "regexp",
        "OpParserTypeUnpack" => "unpack",
        "OpParserTypePattern" => "pattern",
        "OpConvBytes" => "bytes",
        "OpConvDuration" => "duration",
        "OpConvDurationSeconds" => "duration_seconds",
        "logqlmodel.ErrorLabel" => "__error__",
        "CardOneToOne" => VectorMatchCardinality.OneToOne,
        "CardManyToOne" => VectorMatchCardinality.ManyToOne,
        "CardOneToMany" => VectorMatchCardinality.OneToMany,
        _ when OpNames.TryGetValue(path, out var op) => op,
        _ => throw new OutOfSubsetException(path),
    };

    private static readonly Dictionary<string, string> OpNames = new(StringComparer.Ordinal)
    {
        ["OpRangeTypeCount"] = "count_over_time", ["OpRangeTypeRate"] = "rate", ["OpRangeTypeRateCounter"] = "rate_counter",
        ["OpRangeTypeBytes"] = "bytes_over_time", ["OpRangeTypeBytesRate"] = "bytes_rate", ["OpRangeTypeAvg"] = "avg_over_time",
        ["OpRangeTypeSum"] = "sum_over_time", ["OpRangeTypeMin"] = "min_over_time", ["OpRangeTypeMax"] = "max_over_time",
        ["OpRangeTypeStdvar"] = "stdvar_over_time", ["OpRangeTypeStddev"] = "stddev_over_time",
        ["OpRangeTypeQuantile"] = "quantile_over_time", ["OpRangeTypeFirst"] = "first_over_time",
        ["OpRangeTypeLast"] = "last_over_time", ["OpRangeTypeAbsent"] = "absent_over_time",
        ["OpTypeSum"] = "sum", ["OpTypeAvg"] = "avg", ["OpTypeMax"] = "max", ["OpTypeMin"] = "min", ["OpTypeCount"] = "count",
        ["OpTypeStddev"] = "stddev", ["OpTypeStdvar"] = "stdvar", ["OpTypeBottomK"] = "bottomk", ["OpTypeTopK"] = "topk",
        ["OpTypeSort"] = "sort", ["OpTypeSortDesc"] = "sort_desc", ["OpTypeApproxTopK"] = "approx_topk",
        ["OpTypeOr"] = "or", ["OpTypeAnd"] = "and", ["OpTypeUnless"] = "unless",
        ["OpTypeAdd"] = "+", ["OpTypeSub"] = "-", ["OpTypeMul"] = "*", ["OpTypeDiv"] = "/", ["OpTypeMod"] = "%", ["OpTypePow"] = "^",
        ["OpTypeCmpEQ"] = "==", ["OpTypeNEQ"] = "!=", ["OpTypeGT"] = ">", ["OpTypeGTE"] = ">=", ["OpTypeLT"] = "<", ["OpTypeLTE"] = "<=",
    };

    private static object? Call(GoCall call)
    {
        var a = call.Args.Select(Eval).ToList();
        if (call.Receiver is not null)
        {
            var receiver = Eval(call.Receiver);
            return (call.Name, receiver) switch
            {
                ("addPostFilter", UnwrapExpr u) => u with { PostFilters = new ValueList<LabelFilter>(u.PostFilters.Append((LabelFilter)a[0]!)) },
                _ => throw new OutOfSubsetException("method " + call.Name),
            };
        }

        return call.Name switch
        {
            "mustNewMatcher" => new LabelMatcher((LabelMatchType)a[0]!, (string)a[1]!, (string)a[2]!),
            "newMatcherExpr" => new MatchersExpr(List<LabelMatcher>(a[0])),
            "newPipelineExpr" => new PipelineExpr((MatchersExpr)a[0]!, Stages(a[1])),
            "newLineFilterExpr" => new GoLineFilter { Ty = (LineMatchType)a[0]!, Op = (string)a[1]!, Match = (string)a[2]! },
            "newNestedLineFilterExpr" => Nested((GoLineFilter)a[0]!, (GoLineFilter)a[1]!),
            "newOrLineFilterExpr" => OrFilter((GoLineFilter)a[0]!, (GoLineFilter)a[1]!),
            "newLogfmtParserExpr" => Logfmt(a[0], ValueList<LabelExtraction>.Empty),
            "newLogfmtExpressionParser" => Logfmt(a[1], List<LabelExtraction>(a[0])),
            "newJSONExpressionParser" => new JsonParserStage(List<LabelExtraction>(a[0])),
            "newLabelParserExpr" => (string)a[0]! == "json" ? new JsonParserStage(ValueList<LabelExtraction>.Empty) : new LineParserStage((string)a[0]!, (string)a[1]!),
            "log.NewLabelExtractionExpr" => new LabelExtraction((string)a[0]!, (string)a[1]!),
            "newLabelFilterExpr" => new LabelFilterStage((LabelFilter)a[0]!),
            "log.NewStringLabelFilter" => new StringLabelFilter((LabelMatcher)a[0]!),
            "log.NewNumericLabelFilter" => new NumericLabelFilter((LabelFilterOp)a[0]!, (string)a[1]!, Convert.ToDouble(a[2], CultureInfo.InvariantCulture)),
            "log.NewDurationLabelFilter" => new DurationLabelFilter((LabelFilterOp)a[0]!, (string)a[1]!, Nanos(a[2])),
            "log.NewBytesLabelFilter" => new BytesLabelFilter((LabelFilterOp)a[0]!, (string)a[1]!, (ulong)Nanos(a[2])),
            "log.NewIPLabelFilter" => new IpLabelFilter((LabelFilterOp)a[2]!, (string)a[1]!, (string)a[0]!),
            "log.NewAndLabelFilter" => new BinaryLabelFilter((LabelFilter)a[0]!, (LabelFilter)a[1]!, true),
            "log.NewOrLabelFilter" => new BinaryLabelFilter((LabelFilter)a[0]!, (LabelFilter)a[1]!, false),
            "newLineFmtExpr" => new LineFormatStage((string)a[0]!),
            "newLabelFmtExpr" => new LabelFormatStage(List<LabelFormat>(a[0])),
            "log.NewRenameLabelFmt" => new LabelFormat((string)a[0]!, (string)a[1]!, true),
            "log.NewTemplateLabelFmt" => new LabelFormat((string)a[0]!, (string)a[1]!, false),
            "newDecolorizeExpr" => new DecolorizeStage(),
            "newUnwrapExpr" => new UnwrapExpr((string)a[0]!, (string)a[1]!, ValueList<LabelFilter>.Empty),
            "newOffsetExpr" => a[0],
            "newLogRange" => new LogRangeExpr((LogSelectorExpr)Normalize(a[0])!, Nanos(a[1]), a[3] is null ? 0 : Nanos(a[3]), (UnwrapExpr?)a[2]),
            "newRangeAggregationExpr" => RangeAgg((LogRangeExpr)a[0]!, (string)a[1]!, (Grouping?)a[2], (string?)a[3]),
            "mustNewVectorAggregationExpr" => VectorAgg((SampleExpr)a[0]!, (string)a[1]!, (Grouping?)a[2], (string?)a[3]),
            "NewStringLabelFilter" => (string)a[0]!,
            "mustNewBinOpExpr" => BinOp((string)a[0]!, (BinOpOptions)a[1]!, (SampleExpr)a[2]!, (SampleExpr)a[3]!),
            "mustNewLiteralExpr" => new LiteralExpr(double.Parse((string)a[0]!, CultureInfo.InvariantCulture) * ((bool)a[1]! ? -1 : 1)),
            "mustNewLabelReplaceExpr" => new LabelReplaceExpr((SampleExpr)a[0]!, (string)a[1]!, (string)a[2]!, (string)a[3]!, (string)a[4]!),
            "NewVectorExpr" => new VectorExpr(double.Parse((string)a[0]!, CultureInfo.InvariantCulture)),
            _ => throw new OutOfSubsetException(call.Name),
        };
    }

    private static object? Composite(GoComposite c)
    {
        var f = c.Elements.Where(e => e.Key is not null).ToDictionary(e => e.Key!, e => Eval(e.Value));
        object? F(string key) => f.TryGetValue(key, out var v) ? v : null;
        switch (c.Type)
        {
            case null when f.ContainsKey("Type"):
            case "labels.Matcher":
                return new LabelMatcher((LabelMatchType)F("Type")!, (string)F("Name")!, (string)(F("Value") ?? ""));
            case "MultiStageExpr" or "[]labels.Matcher" or "[]string" or "[]log.LabelFmt" or "[]log.LabelExtractionExpr":
                return c.Elements.Select(e => Eval(e.Value)).ToList();
            case "MatchersExpr":
                return new MatchersExpr(List<LabelMatcher>(F("Mts")));
            case "PipelineExpr":
                return new PipelineExpr((MatchersExpr)F("Left")!, Stages(F("MultiStages")));
            case "LabelFilterExpr":
                return new LabelFilterStage((LabelFilter)F("LabelFilterer")!);
            case "LineFilter":
                return new GoLineFilter { Ty = F("Ty") is LineMatchType t ? t : LineMatchType.Equal, Match = (string)(F("Match") ?? ""), Op = (string)(F("Op") ?? "") };
            case "LineFilterExpr":
                {
                    var inner = (GoLineFilter)F("LineFilter")!;
                    inner.Left = (GoLineFilter?)F("Left");
                    inner.Or = (GoLineFilter?)F("Or");
                    inner.IsOrChild = F("IsOrChild") is true;
                    return inner;
                }

            case "LogRangeExpr":
                return new LogRangeExpr((LogSelectorExpr)Normalize(F("Left"))!, Nanos(F("Interval")), F("Offset") is { } o ? Nanos(o) : 0, (UnwrapExpr?)F("Unwrap"));
            case "RangeAggregationExpr":
                return new RangeAggregationExpr((string)F("Operation")!, (LogRangeExpr)F("Left")!, (Grouping?)F("Grouping"), F("Params") is double p ? p : null);
            case "Grouping":
                return new Grouping(F("Without") is true, F("Groups") is { } g ? List<string>(g) : ValueList<string>.Empty);
            case "BinOpOptions":
                {
                    var vm = F("VectorMatching") as VectorMatching ?? new VectorMatching(VectorMatchCardinality.OneToOne, false, null, null);
                    return new BinOpOptions(F("ReturnBool") is true, vm.Card, vm.On, vm.Matching, vm.Include);
                }

            case "VectorMatching":
                return new VectorMatching(
                    F("Card") is VectorMatchCardinality card ? card : VectorMatchCardinality.OneToOne,
                    F("On") is true,
                    F("MatchingLabels") is { } m ? List<string>(m) : null,
                    F("Include") is { } inc ? List<string>(inc) : null);
            case "BinOpExpr":
                return new BinOpExpr((string)F("Op")!, (SampleExpr)F("SampleExpr")!, (SampleExpr)F("RHS")!, (BinOpOptions)F("Opts")!);
            case "LiteralExpr":
                return new LiteralExpr(Convert.ToDouble(F("Val") ?? 0L, CultureInfo.InvariantCulture));
            case "VectorExpr":
                return new VectorExpr(Convert.ToDouble(F("Val") ?? 0L, CultureInfo.InvariantCulture));
            case "VectorAggregationExpr":
                return new VectorAggregationExpr((string)F("Operation")!, (SampleExpr)F("Left")!, (Grouping?)F("Grouping") ?? Grouping.None, F("Params") is long k ? (int)k : 0);
            default:
                throw new OutOfSubsetException("composite " + c.Type);
        }
    }

    private static long Nanos(object? v) => v switch
    {
        long l => l,
        double d => (long)d,
        _ => throw new OutOfSubsetException($"duration {v}"),
    };

    private static ValueList<T> List<T>(object? value) =>
        value is null ? ValueList<T>.Empty : new ValueList<T>(((IEnumerable<object?>)value).Select(v => (T)Normalize(v)!));

    private static ValueList<PipelineStage> Stages(object? value) => List<PipelineStage>(value);

    private static LogfmtParserStage Logfmt(object? flags, ValueList<LabelExtraction> extractions)
    {
        var f = flags is null ? [] : ((IEnumerable<object?>)flags).Cast<string>().ToList();
        return new LogfmtParserStage(f.Contains("--strict"), f.Contains("--keep-empty"), extractions);
    }

    private static bool Positive(LineMatchType t) => t is LineMatchType.Equal or LineMatchType.Regexp or LineMatchType.Pattern;

    // ast.go newOrLineFilterExpr (facts, not a transliteration): the right side takes the left's operator;
    // positive operators append to the or-chain, negative ones become a nested (and) chain.
    private static GoLineFilter OrFilter(GoLineFilter left, GoLineFilter right)
    {
        for (var r = right; r is not null; r = r.Or)
        {
            r.Ty = left.Ty;
        }

        if (Positive(left.Ty))
        {
            var tail = left;
            while (tail.Or is not null)
            {
                tail = tail.Or;
            }

            tail.Or = right;
            right.IsOrChild = true;
            return left;
        }

        return Nested(left, right);
    }

    // ast.go newNestedLineFilterExpr: right becomes the new head with left as its Left; a negative or-chain splits.
    private static GoLineFilter Nested(GoLineFilter left, GoLineFilter right)
    {
        if (right.Or is not null && !Positive(right.Ty))
        {
            var rest = right.Or;
            rest.IsOrChild = false;
            right.Or = null;
            right = Nested(right, rest);
        }

        if (right.Left is not null)
        {
            left = Nested(left, right.Left);
        }

        return new GoLineFilter { Left = left, Ty = right.Ty, Op = right.Op, Match = right.Match, Or = right.Or, IsOrChild = right.IsOrChild };
    }

    private static LineFilterStage Flatten(GoLineFilter head)
    {
        var chain = new List<GoLineFilter>();
        for (var n = head; n is not null; n = n.Left)
        {
            chain.Insert(0, n);
        }

        return new LineFilterStage(new ValueList<LineFilter>(chain.Select(n =>
        {
            var terms = new List<LineFilterTerm>();
            for (var t = n; t is not null; t = t.Or)
            {
                terms.Add(new LineFilterTerm(t.Match, t.Op == "ip"));
            }

            return new LineFilter(n.Ty, new ValueList<LineFilterTerm>(terms));
        })));
    }

    private static RangeAggregationExpr RangeAgg(LogRangeExpr left, string op, Grouping? grouping, string? param) =>
        new(op, left, grouping, param is null ? null : double.Parse(param, CultureInfo.InvariantCulture));

    private static VectorAggregationExpr VectorAgg(SampleExpr left, string op, Grouping? grouping, string? param) =>
        new(op, left, grouping ?? Grouping.None, param is null ? 0 : int.Parse(param, CultureInfo.InvariantCulture));

    // mustNewBinOpExpr folds two literal legs (MergeBinOp, filter off).
    private static SampleExpr BinOp(string op, BinOpOptions options, SampleExpr left, SampleExpr right)
    {
        if (left is LiteralExpr l && right is LiteralExpr r)
        {
            return new LiteralExpr(op switch
            {
                "+" => l.Value + r.Value,
                "-" => l.Value - r.Value,
                "*" => l.Value * r.Value,
                "/" => r.Value == 0 ? double.NaN : l.Value / r.Value,
                "%" => r.Value == 0 ? double.NaN : l.Value % r.Value,
                "^" => Math.Pow(l.Value, r.Value),
                "==" => l.Value == r.Value ? 1 : 0,
                "!=" => l.Value != r.Value ? 1 : 0,
                ">" => l.Value > r.Value ? 1 : 0,
                ">=" => l.Value >= r.Value ? 1 : 0,
                "<" => l.Value < r.Value ? 1 : 0,
                "<=" => l.Value <= r.Value ? 1 : 0,
                _ => throw new OutOfSubsetException("binop " + op),
            });
        }

        return new BinOpExpr(op, left, right, options);
    }
}
