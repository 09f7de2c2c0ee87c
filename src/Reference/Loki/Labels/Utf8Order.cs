namespace Verified.Reference.Loki.Labels;

/// <summary>
/// Compares strings in UTF-8 byte order, which is code-point order — the order Go's string comparison
/// gives. Ordinal UTF-16 order differs when a supplementary character meets one in U+E000–U+FFFF.
/// </summary>
public sealed class Utf8Order : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static readonly Utf8Order Instance = new();

    private Utf8Order()
    {
    }

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b)
            {
                return Fix(a) - Fix(b);
            }
        }

        return x.Length - y.Length;
    }

    // Surrogates (supplementary code points) must sort after U+E000–U+FFFF.
    private static int Fix(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
