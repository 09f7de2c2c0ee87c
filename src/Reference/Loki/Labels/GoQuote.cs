using System.Buffers;
using System.Globalization;
using System.Text;

namespace Verified.Reference.Loki.Labels;

/// <summary>
/// Go's <c>strconv.Quote</c> and <c>unicode.IsPrint</c>, ported exactly (golang/go src/strconv/quote.go
/// appendEscapedRune): Prometheus prints label values with it, so the canonical string — and the
/// token — depend on every escape being the same.
/// </summary>
public static class GoQuote
{
    private const string LowerHex = "0123456789abcdef";

    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Appends <paramref name="value"/> double-quoted and escaped as Go does.</summary>
    /// <remarks>
    /// A .NET string cannot hold invalid UTF-8; a lone surrogate is read as U+FFFD, which is what Go's own
    /// JSON decoder would have produced, and U+FFFD is printable.
    /// </remarks>
    public static void Append(StringBuilder builder, string value)
    {
        builder.Append('"');
        var i = 0;
        while (i < value.Length)
        {
            // Printable ASCII other than the quote and the backslash stands for itself: copy the whole run.
            var run = value.AsSpan(i).IndexOfAnyExcept(PlainAscii);
            if (run != 0)
            {
                run = run < 0 ? value.Length - i : run;
                builder.Append(value, i, run);
                i += run;
                continue;
            }

            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = 1;
            }

            i += consumed;
            AppendEscapedRune(builder, rune.Value);
        }

        builder.Append('"');
    }

    /// <summary>Returns <paramref name="value"/> quoted as Go's strconv.Quote does.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        Append(builder, value);
        return builder.ToString();
    }

    /// <summary>
    /// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols (categories L, M, N, P, S) and the
    /// ASCII space only. Not char.IsControl's complement: U+00A0 and U+2028 are not printable here.
    /// </summary>
    /// <remarks>Category data is .NET's Unicode tables; Go's may be a Unicode version apart for new code points.</remarks>
    public static bool IsPrint(int rune)
    {
        if (rune == ' ')
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
            UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }

    private static void AppendEscapedRune(StringBuilder builder, int r)
    {
        // Order matters and follows appendEscapedRune: quote and backslash, printable, the C escapes, then hex.
        if (r is '"' or '\\')
        {
            builder.Append('\\').Append((char)r);
            return;
        }

        if (IsPrint(r))
        {
            Span<char> utf16 = stackalloc char[2];
            builder.Append(utf16[..new Rune(r).EncodeToUtf16(utf16)]);
            return;
        }

        switch (r)
        {
            case '\a': builder.Append("\\a"); return;
            case '\b': builder.Append("\\b"); return;
            case '\f': builder.Append("\\f"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
            case '\v': builder.Append("\\v"); return;
        }

        if (r < ' ' || r == 0x7F)
        {
            builder.Append("\\x").Append(LowerHex[r >> 4]).Append(LowerHex[r & 0xF]);
        }
        else if (r < 0x10000)
        {
            builder.Append("\\u");
            AppendHex(builder, r, 4);
        }
        else
        {
            builder.Append("\\U");
            AppendHex(builder, r, 8);
        }
    }

    private static void AppendHex(StringBuilder builder, int value, int digits)
    {
        for (var shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        {
            builder.Append(LowerHex[(value >> shift) & 0xF]);
        }
    }
}
