using System.Globalization;
using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>
/// Label filters (loki pkg/logql/log/label_filter.go). String filters compare the label value ("" when missing;
/// <c>__error__</c> reads the error). Typed filters drop the entry when the label is missing; a value that does not
/// convert keeps the entry and sets <c>__error__=LabelFilterErr</c> unless an error is already set.
/// <c>and</c> evaluates both sides; <c>or</c> stops at the first true side.
/// </summary>
internal static class LabelFilters
{
    /// <summary>The error label value (loki pkg/logql/log/error.go errLabelFilter).</summary>
    public const string ErrorValue = "LabelFilterErr";

    public static Func<LabelsBuilder, bool> Compile(LabelFilter filter) => filter switch
    {
        StringLabelFilter s => CompileString(s.Matcher),
        NumericLabelFilter n => Typed(n.Name, n.Op, n.Value, ParseGoFloat),
        DurationLabelFilter d => Typed(d.Name, d.Op, (double)d.Nanoseconds, ParseDuration),
        BytesLabelFilter b => Typed(b.Name, b.Op, (double)b.Bytes, ParseBytes),
        BinaryLabelFilter bin => CompileBinary(bin),
        IpLabelFilter => throw new LogQLNotSupportedException("ip() label filter"),
        _ => throw new LogQLNotSupportedException(filter.GetType().Name),
    };

    private static Func<LabelsBuilder, bool> CompileString(LabelMatcher matcher)
    {
        var match = Matchers.Compile(matcher);
        return labels => match(labels.Get(matcher.Name) ?? "");
    }

    private static Func<LabelsBuilder, bool> CompileBinary(BinaryLabelFilter filter)
    {
        var left = Compile(filter.Left);
        var right = Compile(filter.Right);
        if (filter.And)
        {
            return labels =>
            {
                var l = left(labels);
                var r = right(labels);
                return l && r;
            };
        }

        return labels => left(labels) || right(labels);
    }

    private delegate bool TryConvert(string text, out double value, out string error);

    private static Func<LabelsBuilder, bool> Typed(string name, LabelFilterOp op, double threshold, TryConvert convert) => labels =>
    {
        var text = labels.Get(name);
        if (text is null)
        {
            return false;
        }

        if (!convert(text, out var value, out var error))
        {
            if (labels.Error.Length == 0)
            {
                labels.SetError(ErrorValue, error);
            }

            return true;
        }

        return op switch
        {
            LabelFilterOp.Equal => value == threshold,
            LabelFilterOp.NotEqual => value != threshold,
            LabelFilterOp.GreaterThan => value > threshold,
            LabelFilterOp.GreaterThanOrEqual => value >= threshold,
            LabelFilterOp.LessThan => value < threshold,
            _ => value <= threshold,
        };
    };

    // strconv.ParseFloat: decimal floats, optional sign, inf/infinity/nan; out of range is an error. Hex floats and
    // underscores are rejected here (Go accepts hex floats such as 0x1p4: a documented difference).
    private static bool ParseGoFloat(string text, out double value, out string error)
    {
        error = "";
        var unsigned = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? text[1..] : text;
        var lower = unsigned.ToLowerInvariant();
        if (lower is "inf" or "infinity" or "nan")
        {
            value = lower == "nan" ? double.NaN : text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (!text.Contains('_', StringComparison.Ordinal) && !lower.StartsWith("0x", StringComparison.Ordinal)
            && double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            if (!double.IsInfinity(value))
            {
                return true;
            }

            error = $"strconv.ParseFloat: parsing {GoQuote.Quote(text)}: value out of range";
            return false;
        }

        value = 0;
        error = $"strconv.ParseFloat: parsing {GoQuote.Quote(text)}: invalid syntax";
        return false;
    }

    private static bool ParseDuration(string text, out double value, out string error)
    {
        error = "";
        if (GoDuration.TryParseGo(text, out error) is { } ns)
        {
            value = ns;
            return true;
        }

        value = 0;
        return false;
    }

    private static bool ParseBytes(string text, out double value, out string error)
    {
        error = "";
        if (HumanizeBytes.TryParse(text) is { } bytes)
        {
            value = bytes;
            return true;
        }

        value = 0;
        error = $"strconv.ParseFloat: parsing {GoQuote.Quote(text)}: invalid syntax";
        return false;
    }
}
