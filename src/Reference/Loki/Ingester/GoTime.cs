using System.Globalization;

namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// Go's printing of a <c>time.Time</c> built from Unix nanoseconds, in UTC (the ingester's error bodies; Loki
/// prints in the process time zone, UTC in every deployment we model).
/// </summary>
public static class GoTime
{
    private const long NanosPerSecond = 1_000_000_000L;

    /// <summary>
    /// Go <c>time.Time.String()</c>: layout <c>2006-01-02 15:04:05.999999999 -0700 MST</c> — fractional seconds
    /// with trailing zeros dropped (and the dot too when they are all zero), then <c>+0000 UTC</c>.
    /// </summary>
    public static string String(long unixNs)
    {
        var (seconds, nanos) = Split(unixNs);
        var text = DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (nanos != 0)
        {
            text += "." + nanos.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + " +0000 UTC";
    }

    /// <summary>Go <c>time.RFC3339</c> (<c>2006-01-02T15:04:05Z07:00</c>): whole seconds, <c>Z</c> for UTC.</summary>
    public static string Rfc3339(long unixNs) =>
        DateTimeOffset.FromUnixTimeSeconds(Split(unixNs).Seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Seconds (floor) and the non-negative nanosecond remainder, as Go splits a time.</summary>
    private static (long Seconds, long Nanos) Split(long unixNs)
    {
        var seconds = Math.DivRem(unixNs, NanosPerSecond, out var nanos);
        if (nanos < 0)
        {
            seconds--;
            nanos += NanosPerSecond;
        }

        return (seconds, nanos);
    }
}
