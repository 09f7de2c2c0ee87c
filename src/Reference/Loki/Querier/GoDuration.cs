using System.Globalization;
using System.Text;

namespace Verified.Reference.Loki.Querier;

/// <summary>
/// The two duration printings Loki's query limits use: Go <c>time.Duration.String()</c> for the query length and
/// Prometheus <c>model.Duration.String()</c> for the configured limit (loki pkg/querier/limits
/// <c>ValidateQueryTimeRangeLimits</c> passes <c>model.Duration(maxQueryLength)</c>), so 721h prints as <c>30d1h</c>.
/// </summary>
public static class GoDuration
{
    private const long Microsecond = 1_000L;
    private const long Millisecond = 1_000_000L;
    private const long Second = 1_000_000_000L;

    /// <summary>
    /// Go <c>time.Duration.String()</c> of <paramref name="nanoseconds"/>: <c>72h3m0.5s</c>; under a second in the
    /// largest of ns, µs, ms with a trimmed fraction (<c>1.5µs</c>); <c>0s</c> for zero; a leading minus when negative.
    /// </summary>
    public static string String(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }

        // Go works on the unsigned magnitude, so long.MinValue prints correctly.
        var u = nanoseconds < 0 ? (ulong)(-(nanoseconds + 1)) + 1 : (ulong)nanoseconds;
        var text = new StringBuilder();
        if (nanoseconds < 0)
        {
            text.Append('-');
        }

        if (u < Second)
        {
            return u switch
            {
                < Microsecond => text.Append(u.ToString(CultureInfo.InvariantCulture)).Append("ns").ToString(),
                < Millisecond => AppendFraction(text, u, 3).Append("µs").ToString(),
                _ => AppendFraction(text, u, 6).Append("ms").ToString(),
            };
        }

        var seconds = u / Second;
        var fraction = u % Second;
        var minutes = seconds / 60;
        var hours = minutes / 60;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (minutes > 0)
        {
            text.Append((minutes % 60).ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        text.Append((seconds % 60).ToString(CultureInfo.InvariantCulture));
        if (fraction != 0)
        {
            text.Append('.').Append(fraction.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        return text.Append('s').ToString();
    }

    /// <summary>
    /// Prometheus <c>model.Duration.String()</c> of <paramref name="nanoseconds"/> (millisecond precision): units
    /// y (365d), w, d, h, m, s, ms, largest first; years and weeks only when they divide the whole remainder
    /// (<c>90d</c>, not <c>12w6d</c>); <c>0s</c> for zero.
    /// </summary>
    public static string ModelString(long nanoseconds)
    {
        var ms = nanoseconds / Millisecond;
        if (ms == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        if (ms < 0)
        {
            text.Append('-');
            ms = -ms;
        }

        const long day = 24L * 60 * 60 * 1000;
        (string Unit, long Size, bool Exact)[] units =
        [
            ("y", 365 * day, true), ("w", 7 * day, true), ("d", day, false), ("h", 60L * 60 * 1000, false),
            ("m", 60L * 1000, false), ("s", 1000L, false), ("ms", 1L, false),
        ];
        foreach (var (unit, size, exact) in units)
        {
            if (exact && ms % size != 0)
            {
                continue;
            }

            var count = ms / size;
            if (count > 0)
            {
                text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                ms -= count * size;
            }
        }

        return text.ToString();
    }

    /// <summary>Go's fmtFrac + fmtInt: the value in units of 10^digits, with the fraction's trailing zeros (and dot) dropped.</summary>
    private static StringBuilder AppendFraction(StringBuilder text, ulong value, int digits)
    {
        var scale = 1UL;
        for (var i = 0; i < digits; i++)
        {
            scale *= 10;
        }

        text.Append((value / scale).ToString(CultureInfo.InvariantCulture));
        var fraction = value % scale;
        if (fraction != 0)
        {
            text.Append('.').Append(fraction.ToString(new string('0', digits), CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        return text;
    }
}
