using System.Globalization;
using System.Text;

namespace Verified.Reference.Loki;

/// <summary>
/// The two duration grammars Loki uses (LogQL, limits, error texts), with their exact error texts, and their two printers.
/// Ranges use Prometheus' (prometheus/common model.ParseDuration: integer y w d h m s ms, in that order);
/// label-filter and offset durations try Prometheus' first, then Go's time.ParseDuration (lex.go parseDuration).
/// </summary>
public static class GoDuration
{
    private const long Ms = 1_000_000;

    private static readonly (string Unit, long Nanos)[] PromUnits =
    [
        ("y", 365L * 24 * 3600 * 1000 * Ms), ("w", 7L * 24 * 3600 * 1000 * Ms), ("d", 24L * 3600 * 1000 * Ms),
        ("h", 3600L * 1000 * Ms), ("m", 60L * 1000 * Ms), ("s", 1000 * Ms), ("ms", Ms),
    ];

    private static readonly Dictionary<string, long> GoUnits = new(StringComparer.Ordinal)
    {
        ["ns"] = 1, ["us"] = 1000, ["\u00b5s"] = 1000, ["\u03bcs"] = 1000, ["ms"] = Ms,
        ["s"] = 1000 * Ms, ["m"] = 60_000 * Ms, ["h"] = 3_600_000 * Ms,
    };

    /// <summary>prometheus/common model.ParseDuration; returns null and the error text on failure.</summary>
    public static long? TryParseProm(string s, out string error)
    {
        error = "";
        if (s == "0")
        {
            return 0;
        }

        if (s.Length == 0)
        {
            error = "empty duration string";
            return null;
        }

        ulong total = 0;
        var lastPos = -1;
        var rest = s;
        while (rest.Length > 0)
        {
            var i = 0;
            while (i < rest.Length && char.IsAsciiDigit(rest[i]))
            {
                i++;
            }

            if (i == 0 || !ulong.TryParse(rest.AsSpan(0, i), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                error = $"not a valid duration string: {GoQuoteOf(s)}";
                return null;
            }

            rest = rest[i..];
            var j = 0;
            while (j < rest.Length && !char.IsAsciiDigit(rest[j]))
            {
                j++;
            }

            if (j == 0)
            {
                error = $"not a valid duration string: {GoQuoteOf(s)}";
                return null;
            }

            var unit = rest[..j];
            rest = rest[j..];
            var pos = Array.FindIndex(PromUnits, u => u.Unit == unit);
            if (pos < 0)
            {
                error = $"unknown unit {GoQuoteOf(unit)} in duration {GoQuoteOf(s)}";
                return null;
            }

            // Units must go from the biggest to the smallest, each at most once.
            if (pos <= lastPos)
            {
                error = $"not a valid duration string: {GoQuoteOf(s)}";
                return null;
            }

            lastPos = pos;
            var mult = (ulong)PromUnits[pos].Nanos;
            if (v > (1UL << 63) / mult)
            {
                error = "duration out of range";
                return null;
            }

            total += v * mult;
            if (total > long.MaxValue)
            {
                error = "duration out of range";
                return null;
            }
        }

        return (long)total;
    }

    /// <summary>Go's time.ParseDuration; returns null and the error text on failure.</summary>
    public static long? TryParseGo(string s, out string error)
    {
        error = "";
        var orig = s;
        var neg = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            neg = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return 0;
        }

        if (s.Length == 0)
        {
            error = $"time: invalid duration {GoQuoteOf(orig)}";
            return null;
        }

        decimal total = 0;
        while (s.Length > 0)
        {
            if (s[0] != '.' && !char.IsAsciiDigit(s[0]))
            {
                error = $"time: invalid duration {GoQuoteOf(orig)}";
                return null;
            }

            var i = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var intPart = s[..i];
            s = s[i..];
            var frac = "";
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                var k = 0;
                while (k < s.Length && char.IsAsciiDigit(s[k]))
                {
                    k++;
                }

                frac = s[..k];
                s = s[k..];
            }

            if (intPart.Length == 0 && frac.Length == 0)
            {
                error = $"time: invalid duration {GoQuoteOf(orig)}";
                return null;
            }

            var u = 0;
            while (u < s.Length && s[u] != '.' && !char.IsAsciiDigit(s[u]))
            {
                u++;
            }

            if (u == 0)
            {
                error = $"time: missing unit in duration {GoQuoteOf(orig)}";
                return null;
            }

            var unit = s[..u];
            s = s[u..];
            if (!GoUnits.TryGetValue(unit, out var mult))
            {
                error = $"time: unknown unit {GoQuoteOf(unit)} in duration {GoQuoteOf(orig)}";
                return null;
            }

            var number = decimal.Parse((intPart.Length == 0 ? "0" : intPart) + (frac.Length > 0 ? "." + frac[..Math.Min(frac.Length, 18)] : ""), CultureInfo.InvariantCulture);
            total += decimal.Truncate(number * mult);
            if (total > long.MaxValue + (neg ? 1m : 0m))
            {
                error = $"time: invalid duration {GoQuoteOf(orig)}";
                return null;
            }
        }

        return neg ? (long)-total : (long)total;
    }

    /// <summary>lex.go parseDuration: Prometheus' grammar first, then Go's; the Go error on failure.</summary>
    public static long? TryParseLogQL(string s, out string error)
    {
        error = "";
        var prom = TryParseProm(s, out _);
        return prom ?? TryParseGo(s, out error);
    }

    /// <summary>Go's time.Duration.String, e.g. <c>5m0s</c>, <c>250ms</c>, <c>1h0m0s</c>, <c>0s</c>.</summary>
    public static string FormatGo(long nanos)
    {
        if (nanos == 0)
        {
            return "0s";
        }

        var neg = nanos < 0;
        var u = neg ? (ulong)-nanos : (ulong)nanos;
        var sb = new StringBuilder();
        if (u < 1_000_000_000UL)
        {
            // Sub-second: a single unit with a fraction.
            (ulong div, string unit) = u < 1000 ? (1UL, "ns") : u < 1_000_000 ? (1000UL, "\u00b5s") : (1_000_000UL, "ms");
            sb.Append(FormatFraction(u, div)).Append(unit);
        }
        else
        {
            var totalSeconds = u / 1_000_000_000UL;
            var fracNanos = u % 1_000_000_000UL;
            var hours = totalSeconds / 3600;
            var minutes = totalSeconds / 60 % 60;
            var seconds = totalSeconds % 60;
            if (hours > 0)
            {
                sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (hours > 0 || minutes > 0)
            {
                sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            sb.Append(FormatFraction((seconds * 1_000_000_000UL) + fracNanos, 1_000_000_000UL)).Append('s');
        }

        return (neg ? "-" : "") + sb;
    }

    /// <summary>prometheus/common model.Duration.String: y and w only when exact, then d h m s ms; <c>0s</c> for zero.</summary>
    public static string FormatProm(long nanos)
    {
        var ms = nanos / Ms;
        if (ms == 0)
        {
            return "0s";
        }

        var sb = new StringBuilder();
        if (ms < 0)
        {
            sb.Append('-');
            ms = -ms;
        }

        foreach (var (unit, unitNanos) in PromUnits)
        {
            var mult = unitNanos / Ms;
            if ((unit == "y" || unit == "w") && ms % mult != 0)
            {
                continue;
            }

            var v = ms / mult;
            if (v > 0)
            {
                sb.Append(v.ToString(CultureInfo.InvariantCulture)).Append(unit);
                ms -= v * mult;
            }
        }

        return sb.ToString();
    }

    private static string FormatFraction(ulong value, ulong div)
    {
        var whole = (value / div).ToString(CultureInfo.InvariantCulture);
        var frac = value % div;
        if (frac == 0)
        {
            return whole;
        }

        var digits = div.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole + "." + frac.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }

    private static string GoQuoteOf(string s) => Labels.GoQuote.Quote(s);
}
