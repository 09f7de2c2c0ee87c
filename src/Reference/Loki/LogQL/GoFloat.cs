using System.Globalization;

namespace Verified.Reference.Loki.LogQL;

/// <summary>Go's float formatting as Loki's printers use it (golang strconv/ftoa.go and fmt/format.go).</summary>
public static class GoFloat
{
    /// <summary><c>strconv.FormatFloat(v, 'f', -1, 64)</c>: shortest round-trip digits, never an exponent.</summary>
    public static string FormatShortestFixed(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return Special(value);
        }

        var (negative, digits, exponent) = Decompose(value);
        string text;
        if (exponent <= 0)
        {
            text = "0." + new string('0', -exponent) + digits;
        }
        else if (exponent >= digits.Length)
        {
            text = digits + new string('0', exponent - digits.Length);
        }
        else
        {
            text = digits[..exponent] + "." + digits[exponent..];
        }

        if (digits == "0")
        {
            text = "0";
        }

        return negative ? "-" + text : text;
    }

    /// <summary><c>fmt.Sprint(float64)</c> (%v): shortest digits; %e form when the exponent is &lt; -4 or ≥ 21.</summary>
    public static string FormatV(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return Special(value);
        }

        var (negative, digits, exponent) = Decompose(value);
        if (digits == "0")
        {
            return negative ? "-0" : "0";
        }

        var x = exponent - 1;
        if (x < -4 || x >= 21)
        {
            var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            var exp = Math.Abs(x).ToString("00", CultureInfo.InvariantCulture);
            return (negative ? "-" : "") + mantissa + "e" + (x < 0 ? "-" : "+") + exp;
        }

        return FormatShortestFixed(value);
    }

    /// <summary><c>fmt.Sprintf("%f", v)</c>: six decimals.</summary>
    public static string FormatSixDecimals(double value) =>
        double.IsNaN(value) || double.IsInfinity(value) ? Special(value) : value.ToString("F6", CultureInfo.InvariantCulture);

    // Shortest round-trip decimal digits and the position of the decimal point (value = 0.digits × 10^exponent).
    private static (bool Negative, string Digits, int Exponent) Decompose(double value)
    {
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        string mantissa;
        int exp10;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exp10 = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        else
        {
            mantissa = shortest;
            exp10 = 0;
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var all = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - all.Length;
        var pointPos = intPart.Length + exp10 - leadingZeros;
        all = all.TrimEnd('0');
        if (all.Length == 0)
        {
            return (negative, "0", 1);
        }

        return (negative, all, pointPos);
    }

    private static string Special(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
}
