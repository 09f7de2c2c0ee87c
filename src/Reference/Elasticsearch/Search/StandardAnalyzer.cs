using System.Globalization;
using System.Text;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// The text analysis used for <c>text</c> fields and <c>match</c> queries: a simplified form of Elasticsearch's
/// <c>standard</c> analyzer (Lucene StandardTokenizer + LowerCaseFilter, no stop words). What is implemented,
/// exactly: a token is a maximal run of Unicode letters or digits (<see cref="Rune.IsLetterOrDigit"/>, surrogate
/// pairs read as one rune); everything else separates; each token is lower-cased with the invariant culture; runs
/// longer than 255 runes are cut into 255-rune pieces (standard tokenizer <c>max_token_length</c> 255).
/// Known differences from UAX#29 word breaking: <c>don't</c>, <c>3.14</c>, <c>a_b</c> and <c>U.S.</c> stay one token
/// in Elasticsearch but split here; ideographs are one token per character in Elasticsearch but a run here.
/// </summary>
public static class StandardAnalyzer
{
    /// <summary>standard tokenizer max_token_length default.</summary>
    public const int MaxTokenLength = 255;

    /// <summary>The tokens of <paramref name="text"/>, in order, duplicates kept.</summary>
    public static List<string> Tokenize(string text)
    {
        List<string> tokens = [];
        var current = new StringBuilder();
        var runes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                current.Append(Rune.ToLowerInvariant(rune).ToString());
                if (++runes == MaxTokenLength)
                {
                    Flush();
                }
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }

            runes = 0;
        }
    }

    /// <summary>Lower-cases like the analyzer (used by tests' models).</summary>
    internal static string Lower(string s) => s.ToLower(CultureInfo.InvariantCulture);
}
