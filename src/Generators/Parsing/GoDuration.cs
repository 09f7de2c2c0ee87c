using System.Globalization;

namespace Verified.Generators.Parsing;

/// <summary>
/// Go <c>time.ParseDuration</c> syntax, as Loki configs write durations: a sequence of decimal numbers, each with a
/// unit (<c>ns</c>, <c>us</c>, <c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>), e.g. <c>3h</c>, <c>1h30m</c>,
/// <c>1.5s</c>, <c>500ms</c>; a bare <c>0</c> is zero (Go src/time/format.go ParseDuration). Specs take no sign:
/// every read-path duration is non-negative, so <c>-1</c> (Loki's "infinite look-back") is not expressible.
/// </summary>
internal static class GoDuration
{
    /// <summary>What a valid value looks like, for diagnostics.</summary>
    public const string Expected = "a duration is a non-negative Go time.Duration: numbers with units ns, us, ms, s, m, h (e.g. 3h, 1h30m, 500ms, 0s, or 0)";

    private const long TicksPerNanosecond100 = 100;

    /// <summary>
    /// Parses <paramref name="text"/> into 100 ns ticks. Returns false, with a reason, for anything else: a sign, a
    /// missing or unknown unit, a value finer than 100 ns (a TimeSpan cannot hold it) or one beyond TimeSpan's range.
    /// </summary>
    public static bool TryParse(string text, out long ticks, out string reason)
    {
        ticks = 0;
        reason = Expected;
        if (text == "0")
        {
            return true;
        }

        if (text.Length == 0 || text[0] is '-' or '+')
        {
            reason = text.StartsWith("-", System.StringComparison.Ordinal) ? "must not be negative; " + Expected : Expected;
            return false;
        }

        decimal totalNs = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            var number = text.Substring(start, i - start);
            if (number.Length == 0 || number == "." || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unitStart = i;
            while (i < text.Length && !char.IsDigit(text[i]) && text[i] != '.')
            {
                i++;
            }

            var scale = UnitNanoseconds(text.Substring(unitStart, i - unitStart));
            if (scale == 0)
            {
                return false;
            }

            try
            {
                totalNs += value * scale;
            }
            catch (System.OverflowException)
            {
                reason = "is beyond the range of a TimeSpan";
                return false;
            }
        }

        if (totalNs / TicksPerNanosecond100 > long.MaxValue)
        {
            reason = "is beyond the range of a TimeSpan";
            return false;
        }

        if (totalNs % TicksPerNanosecond100 != 0)
        {
            reason = "is finer than 100 ns, which a TimeSpan cannot hold";
            return false;
        }

        ticks = (long)(totalNs / TicksPerNanosecond100);
        return true;
    }

    private static decimal UnitNanoseconds(string unit) => unit switch
    {
        "ns" => 1m,
        "us" or "\u00b5s" or "\u03bcs" => 1_000m,
        "ms" => 1_000_000m,
        "s" => 1_000_000_000m,
        "m" => 60_000_000_000m,
        "h" => 3_600_000_000_000m,
        _ => 0m,
    };
}
