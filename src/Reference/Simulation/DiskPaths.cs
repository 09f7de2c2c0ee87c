using System.Buffers;
using System.Text;
using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Simulation;

/// <summary>
/// Relative, '/'-separated paths that cannot leave a root: the one rule shared by both disks and by the
/// filesystem object store. A valid path is non-empty valid UTF-16 without control characters (NUL included) or
/// backslashes, is not rooted, and every segment is non-empty and neither "." nor "..". On top of that,
/// <see cref="Resolve"/> checks that the full path really is under the root — the rule alone must never be the
/// only guard. (Symbolic links planted inside the root by someone else are out of scope: we never create any.)
/// </summary>
public static class DiskPaths
{
    /// <summary>Why <paramref name="path"/> is not a valid relative path, or null when it is.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "empty";
        }

        return CharacterProblem(path) ?? SegmentProblem(path, allowPartialLast: false);
    }

    /// <summary>Why <paramref name="prefix"/> is not a valid listing prefix, or null: "" or a path whose last segment may be partial or empty.</summary>
    public static string? PrefixProblem(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return prefix.Length == 0 ? null : CharacterProblem(prefix) ?? SegmentProblem(prefix, allowPartialLast: true);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="path"/> (Go-quoted) when it is not valid.</summary>
    public static void Validate(string path, string paramName = "path", string what = "path")
    {
        if (Problem(path) is { } problem)
        {
            throw new ArgumentException($"invalid {what} {GoQuote.Quote(path)}: {problem}", paramName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="prefix"/> is not a valid listing prefix.</summary>
    public static void ValidatePrefix(string prefix, string paramName = "prefix", string what = "prefix")
    {
        if (PrefixProblem(prefix) is { } problem)
        {
            throw new ArgumentException($"invalid {what} {GoQuote.Quote(prefix)}: {problem}", paramName);
        }
    }

    /// <summary>
    /// The full path of <paramref name="path"/> under <paramref name="root"/> (a full path); throws
    /// <see cref="ArgumentException"/> when the path is invalid or its full path is not strictly under the root.
    /// </summary>
    public static string Resolve(string root, string path, string paramName = "path", string what = "path")
    {
        Validate(path, paramName, what);
        var full = Path.GetFullPath(Path.Join(root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!IsUnder(root, full))
        {
            throw new ArgumentException($"invalid {what} {GoQuote.Quote(path)}: resolves outside the root", paramName);
        }

        return full;
    }

    /// <summary>Whether <paramref name="fullPath"/> is strictly inside <paramref name="root"/> (both full paths).</summary>
    public static bool IsUnder(string root, string fullPath)
    {
        var withSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return fullPath.Length > withSeparator.Length && fullPath.StartsWith(withSeparator, comparison);
    }

    /// <summary>The '/'-separated relative path of <paramref name="fullPath"/>, a file under <paramref name="root"/>.</summary>
    public static string Relative(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private static string? CharacterProblem(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (Rune.DecodeFromUtf16(path.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done)
            {
                return "not valid UTF-16 (lone surrogate)";
            }

            if (Rune.IsControl(rune))
            {
                return $"control character U+{rune.Value:X4}";
            }

            if (rune.Value == '\\')
            {
                return "backslash (only '/' separates segments)";
            }

            i += consumed;
        }

        if (path[0] == '/' || Path.IsPathRooted(path))
        {
            return "absolute path";
        }

        return null;
    }

    private static string? SegmentProblem(string path, bool allowPartialLast)
    {
        var segments = path.Split('/');
        var checkedCount = allowPartialLast ? segments.Length - 1 : segments.Length;
        for (var i = 0; i < checkedCount; i++)
        {
            switch (segments[i])
            {
                case "":
                    return "empty segment";
                case "." or "..":
                    return $"'{segments[i]}' segment";
            }
        }

        return null;
    }
}
