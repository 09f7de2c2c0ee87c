using System.Globalization;
using System.Text;

namespace Verified.Conformance.Placement;

/// <summary>
/// Prints generated text unambiguously and safely in counterexamples: a quoted literal with escapes for quotes,
/// backslashes, control characters and lone surrogates (so reports in any encoding can carry it), other text as is.
/// </summary>
internal static class Show
{
    /// <summary>The string as a quoted literal, or <c>null</c>.</summary>
    public static string Text(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }

            var escaped = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsSurrogate(c) || char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escaped is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(escaped);
            }
        }

        return builder.Append('"').ToString();
    }
}
