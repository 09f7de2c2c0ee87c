namespace Verified.Reference.Simulation;

/// <summary>Lists the files under a root whose '/'-separated relative paths start with a prefix.</summary>
internal static class FileTree
{
    /// <summary>
    /// Matching relative paths, sorted ordinally. The walk starts at the directory the prefix names up to its last
    /// '/', so listing one tenant does not read the others. The prefix must already be valid.
    /// </summary>
    public static IReadOnlyList<string> List(string root, string prefix, Func<string, bool>? skip = null)
    {
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? root : Path.Join(root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(start))
        {
            return [];
        }

        var paths = Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories)
            .Select(f => DiskPaths.Relative(root, f))
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && (skip is null || !skip(p)))
            .ToList();
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }
}
