using System.Globalization;

namespace Verified.Reference.Loki.LogQL;

public sealed partial class LogQLParser
{
    private static readonly HashSet<string> GroupingRangeOps =
        ["avg_over_time", "stddev_over_time", "stdvar_over_time", "quantile_over_time", "max_over_time", "min_over_time", "first_over_time", "last_over_time"];

    private static readonly HashSet<string> UnwrapRangeOps =
        ["avg_over_time", "sum_over_time", "max_over_time", "min_over_time", "stddev_over_time", "stdvar_over_time", "quantile_over_time", "rate", "rate_counter", "absent_over_time", "first_over_time", "last_over_time"];

    private static readonly HashSet<string> PlainRangeOps = ["bytes_over_time", "bytes_rate", "count_over_time", "rate", "absent_over_time"];

    private const string AtLeastOneMatcher =
        "queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will";

    private static string GoParseFloatError(string text) => $"strconv.ParseFloat: parsing {Labels.GoQuote.Quote(text)}: invalid syntax";

    // ast.go mustNewLiteralExpr: a bad number is kept inside the node.
    private static SampleExpr MakeLiteral(string text, bool negate) =>
        LogQLLexer.ParseGoFloat(text) is { } v
            ? new LiteralExpr(negate ? -v : v)
            : new ErrorExpr($"unable to parse literal as a float: {GoParseFloatError(text)}", true);

    // ast.go mustNewMatcher panics (reported at once) when the regex does not compile.
    private static LabelMatcher MakeMatcher(LabelMatchType type, string name, string value)
    {
        if (type is LabelMatchType.Regexp or LabelMatchType.NotRegexp && Re2Compat.TryCompile("^(?s:" + value + ")$", out var error) is null)
        {
            throw new LogQLParseException(error, 0, 0);
        }

        return new LabelMatcher(type, name, value);
    }

    // ast.go mustNewBinOpExpr: leg types, literal legs of logical operators, then constant folding.
    private static SampleExpr MakeBinOp(string op, BinOpOptions options, Expr left, Expr right)
    {
        if (left is LogSelectorExpr)
        {
            return new ErrorExpr($"unexpected type for left leg of binary operation ({op}): {GoTypeName(left)}", false);
        }

        if (right is LogSelectorExpr)
        {
            return new ErrorExpr($"unexpected type for right leg of binary operation ({op}): {GoTypeName(right)}", false);
        }

        if (left is ErrorExpr { FromLiteral: true } badLeft)
        {
            return badLeft with { FromLiteral = false };
        }

        if (right is ErrorExpr { FromLiteral: true } badRight)
        {
            return badRight with { FromLiteral = false };
        }

        var leftLiteral = left as LiteralExpr;
        var rightLiteral = right as LiteralExpr;
        if (op is "or" or "and" or "unless")
        {
            if (leftLiteral is not null)
            {
                return new ErrorExpr($"unexpected literal for left leg of logical/set binary operation ({op}): {GoFloat.FormatSixDecimals(leftLiteral.Value)}", false);
            }

            if (rightLiteral is not null)
            {
                return new ErrorExpr($"unexpected literal for right leg of logical/set binary operation ({op}): {GoFloat.FormatSixDecimals(rightLiteral.Value)}", false);
            }
        }

        if (leftLiteral is not null && rightLiteral is not null)
        {
            return new LiteralExpr(Fold(op, leftLiteral.Value, rightLiteral.Value));
        }

        return new BinOpExpr(op, (SampleExpr)left, (SampleExpr)right, options);
    }

    private static string GoTypeName(Expr e) => e is PipelineExpr ? "*syntax.PipelineExpr" : "*syntax.MatchersExpr";

    /// <summary>ast.go MergeBinOp for two scalars (filter off): division and modulo by zero give NaN; comparisons give 0 or 1.</summary>
    internal static double Fold(string op, double l, double r) => op switch
    {
        "+" => l + r,
        "-" => l - r,
        "*" => l * r,
        "/" => r == 0 ? double.NaN : l / r,
        "%" => r == 0 ? double.NaN : l % r, // Go math.Mod: sign of the dividend, like C#
        "^" => Math.Pow(l, r),
        "==" => l == r ? 1 : 0,
        "!=" => l != r ? 1 : 0,
        ">" => l > r ? 1 : 0,
        ">=" => l >= r ? 1 : 0,
        "<" => l < r ? 1 : 0,
        "<=" => l <= r ? 1 : 0,
        _ => throw new InvalidOperationException($"should never happen: unexpected operation: ({op})"),
    };

    private static SampleExpr MakeRangeAggregation(string op, LogRangeExpr range, Grouping? grouping, string? parameter)
    {
        double? value = null;
        if (parameter is not null)
        {
            if (op != "quantile_over_time")
            {
                return new ErrorExpr($"parameter {parameter} not supported for operation {op}", false);
            }

            value = LogQLLexer.ParseGoFloat(parameter);
            if (value is null)
            {
                return new ErrorExpr($"invalid parameter for operation {op}: {GoParseFloatError(parameter)}", false);
            }
        }
        else if (op == "quantile_over_time")
        {
            return new ErrorExpr($"parameter required for operation {op}", false);
        }

        if (grouping is not null && !GroupingRangeOps.Contains(op))
        {
            return new ErrorExpr($"grouping not allowed for {op} aggregation", false);
        }

        if (range.Unwrap is not null ? !UnwrapRangeOps.Contains(op) : !PlainRangeOps.Contains(op))
        {
            return new ErrorExpr($"invalid aggregation {op} {(range.Unwrap is not null ? "with" : "without")} unwrap", false);
        }

        return new RangeAggregationExpr(op, range, grouping, value);
    }

    private static SampleExpr MakeVectorAggregation(string op, SampleExpr inner, Grouping? grouping, string? parameter)
    {
        var k = 0;
        if (op is "topk" or "bottomk" or "approx_topk")
        {
            if (parameter is null)
            {
                return new ErrorExpr($"parameter required for operation {op}", false);
            }

            if (!int.TryParse(parameter, NumberStyles.None, CultureInfo.InvariantCulture, out k))
            {
                return new ErrorExpr($"invalid parameter {op}({parameter},", false);
            }

            if (k <= 0)
            {
                return new ErrorExpr($"invalid parameter (must be greater than 0) {op}({parameter}", false);
            }

            if (op == "approx_topk" && grouping is not null)
            {
                return new ErrorExpr($"grouping not allowed for {op} aggregation", false);
            }
        }
        else if (parameter is not null)
        {
            return new ErrorExpr($"unsupported parameter for operation {op}({parameter},", false);
        }

        return new VectorAggregationExpr(op, inner, grouping ?? Grouping.None, k);
    }

    private static SampleExpr MakeLabelReplace(SampleExpr inner, string dst, string replacement, string src, string regex) =>
        Re2Compat.TryCompile("^(?:" + regex + ")$", out var error) is null
            ? new ErrorExpr($"invalid regex in label_replace: {error}", false)
            : new LabelReplaceExpr(inner, dst, replacement, src, regex);

    // parser.go validateExpr / validateSampleExpr: pre-order, left before right; an errored node hides its children.
    private static void Validate(Expr expr)
    {
        switch (expr)
        {
            case ErrorExpr error:
                throw new LogQLParseException(error.Message, 0, 0);
            case BinOpExpr binOp:
                Validate(binOp.Left);
                Validate(binOp.Right);
                break;
            case LiteralExpr or VectorExpr:
                break;
            case VectorAggregationExpr vector:
                if (vector.Operation is "sort" or "sort_desc" && vector.Grouping.Groups.Count > 0)
                {
                    throw new LogQLParseException("sort and sort_desc doesn't allow grouping by ", 0, 0);
                }

                Validate(vector.Left);
                break;
            case LabelReplaceExpr labelReplace:
                Validate(labelReplace.Left);
                break;
            case RangeAggregationExpr range:
                ValidateMatchers(range.Left.Left.Matchers);
                break;
            case LogSelectorExpr selector:
                ValidateMatchers(selector.Matchers);
                break;
        }
    }

    // util.SplitFiltersAndMatchers: a matcher that matches the empty string does not select streams.
    private static void ValidateMatchers(ValueList<LabelMatcher> matchers)
    {
        if (!matchers.Any(m => !MatchesEmpty(m)))
        {
            throw new LogQLParseException(AtLeastOneMatcher, 0, 0);
        }
    }

    private static bool MatchesEmpty(LabelMatcher m) => m.Type switch
    {
        LabelMatchType.Equal => m.Value.Length == 0,
        LabelMatchType.NotEqual => m.Value.Length != 0,
        LabelMatchType.Regexp => Re2Compat.TryCompile("^(?s:" + m.Value + ")$", out _)?.IsMatch("") ?? false,
        _ => !(Re2Compat.TryCompile("^(?s:" + m.Value + ")$", out _)?.IsMatch("") ?? false),
    };
}
