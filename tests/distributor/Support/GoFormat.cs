using System.Text.RegularExpressions;

namespace Verified.Distributor.Tests.Support;

/// <summary>A minimal Go <c>fmt.Sprintf</c> for the vector templates: each %s, %d or %v takes the next argument verbatim.</summary>
public static partial class GoFormat
{
    /// <summary>Fills <paramref name="template"/>.</summary>
    public static string Sprintf(string template, params object[] args)
    {
        var next = 0;
        return Verb().Replace(template, _ => Convert.ToString(args[next++], System.Globalization.CultureInfo.InvariantCulture)!);
    }

    [GeneratedRegex("%[sdv]")]
    private static partial Regex Verb();
}
