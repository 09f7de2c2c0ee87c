namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// Lucene orders terms (<c>BytesRef</c>) by their UTF-8 bytes, unsigned. That equals code point order, which differs
/// from <see cref="string.CompareOrdinal(string, string)"/> (UTF-16 units) for supplementary characters against
/// U+E000–U+FFFF. Keyword ranges and keyword sorts use this comparer.
/// </summary>
public sealed class Utf8Order : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static Utf8Order Instance { get; } = new();

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

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var a = x.EnumerateRunes().GetEnumerator();
        var b = y.EnumerateRunes().GetEnumerator();
        while (true)
        {
            var hasA = a.MoveNext();
            var hasB = b.MoveNext();
            if (!hasA || !hasB)
            {
                return hasA == hasB ? 0 : hasA ? 1 : -1;
            }

            var c = a.Current.Value.CompareTo(b.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }
}
