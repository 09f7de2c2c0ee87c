using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Verified.Simulation.Tests;

/// <summary>
/// Keys, paths and tenant IDs built to escape a root: "..", ".", empty segments, backslashes, drive letters, NUL and
/// other control characters, absolute paths — including an absolute path inside the sandbox, so that an escape
/// through an absolute path lands where the test can see it.
/// </summary>
public static class HostileStrings
{
    /// <summary>Hand-picked cases every store and disk must refuse.</summary>
    public static readonly string[] Refused =
    [
        "../x", "a/../../b", "/etc/passwd", "a\0b", "a\nb", "C:\\x", "..", ".", "", "a//b", "a/", "/", "a/./b", "\\x", "..\\x",
        "a\u007fb", "a\u0085b", "\ud800", "x/\udc00", "../../../../../../../../../../../tmp/x", "a/..", "./a",
    ];

    private static readonly string[] Pieces =
    [
        "..", "..", "..", ".", "", "a", "b", "x", "etc", "passwd", "C:", "~", "\0", "\n", "\t", "\u007f", "é", "...", "..\\..", " ", "a:b", "fake",
    ];

    private static readonly string[] Separators = ["/", "/", "/", "\\", "//", ""];

    /// <summary>
    /// One to six pieces joined by separators (so at most six ".." — fewer than <see cref="TempDirectory.RootDepth"/>),
    /// after an optional "/", "\", "C:\" or <paramref name="anchor"/> (an absolute directory at most six levels
    /// below the sandbox, e.g. a root's parent).
    /// </summary>
    public static Gen<string> In(string anchor) =>
        from leading in Gen.Elements("", "", "", "/", "\\", "C:\\", anchor + "/")
        from count in Gen.Choose(1, 6)
        from pieces in Gen.ArrayOf(Gen.Elements(Pieces), count)
        from separators in Gen.ArrayOf(Gen.Elements(Separators), count)
        select leading + Interleave(pieces, separators);

    private static string Interleave(string[] pieces, string[] separators)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pieces.Length; i++)
        {
            text.Append(pieces[i]);
            if (i < pieces.Length - 1)
            {
                text.Append(separators[i]);
            }
        }

        return text.ToString();
    }
}
