using System.Globalization;

namespace Verified.Reference.Loki.LogQL;

/// <summary>dustin/go-humanize ParseBytes and Bytes, which LogQL's bytes label filters use (lex.go, label_filter.go).</summary>
public static class HumanizeBytes
{
    private static readonly Dictionary<string, double> Units = new(StringComparer.Ordinal)
    {
        ["b"] = 1, [""] = 1,
        ["kib"] = 1024, ["ki"] = 1024, ["kb"] = 1e3, ["k"] = 1e3,
        ["mib"] = Math.Pow(1024, 2), ["mi"] = Math.Pow(1024, 2), ["mb"] = 1e6, ["m"] = 1e6,
        ["gib"] = Math.Pow(1024, 3), ["gi"] = Math.Pow(1024, 3), ["gb"] = 1e9, ["g"] = 1e9,
        ["tib"] = Math.Pow(1024, 4), ["ti"] = Math.Pow(1024, 4), ["tb"] = 1e12, ["t"] = 1e12,
        ["pib"] = Math.Pow(1024, 5), ["pi"] = Math.Pow(1024, 5), ["pb"] = 1e15, ["p"] = 1e15,
        ["eib"] = Math.Pow(1024, 6), ["ei"] = Math.Pow(1024, 6), ["eb"] = 1e18, ["e"] = 1e18,
    };

    private static readonly string[] Sizes = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    /// <summary>humanize.ParseBytes: "10GB" = 10·10⁹, "2.5KiB" = 2560; null when not a size.</summary>
    public static ulong? TryParse(string s)
    {
        var i = 0;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.' || s[i] == ','))
        {
            i++;
        }

        var number = s[..i].Replace(",", "", StringComparison.Ordinal);
        var unit = s[i..].Trim().ToLowerInvariant();
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var f) || !Units.TryGetValue(unit, out var mult))
        {
            return null;
        }

        var v = f * mult;
        return v >= ulong.MaxValue ? null : (ulong)v;
    }

    /// <summary>humanize.Bytes with the space removed, as BytesLabelFilter.String prints: 10000000000 → "10GB".</summary>
    public static string Format(ulong bytes)
    {
        if (bytes < 10)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + "B";
        }

        var e = Math.Floor(Math.Log(bytes) / Math.Log(1000));
        var suffix = Sizes[(int)e];
        var val = Math.Floor((bytes / Math.Pow(1000, e) * 10) + 0.5) / 10;
        var text = val < 10 ? val.ToString("F1", CultureInfo.InvariantCulture) : val.ToString("F0", CultureInfo.InvariantCulture);
        return text + suffix;
    }
}
