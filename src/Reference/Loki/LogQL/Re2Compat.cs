using System.Text.RegularExpressions;

namespace Verified.Reference.Loki.LogQL;

/// <summary>
/// Compiles Go RE2 syntax with .NET's engine. Known differences: .NET accepts constructs RE2 rejects
/// (backreferences, lookaround, possessive quantifiers), so some queries Loki rejects are accepted here; error
/// texts are .NET's after Go's "error parsing regexp: " prefix, not RE2's; <c>(?P&lt;name&gt;</c> is rewritten
/// to .NET's <c>(?&lt;name&gt;</c>; <c>\z</c>, <c>\Q…\E</c> and Unicode classes may differ.
/// </summary>
public static class Re2Compat
{
    /// <summary>Compiles <paramref name="pattern"/> (RE2 syntax); null and an error text when invalid.</summary>
    public static Regex? TryCompile(string pattern, out string error)
    {
        error = "";
        try
        {
            return new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        }
        catch (ArgumentException e)
        {
            error = "error parsing regexp: " + e.Message;
            return null;
        }
    }
}
