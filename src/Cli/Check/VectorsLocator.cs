namespace Verified.Cli.Check;

/// <summary>
/// Finds the gold vectors (shared/vectors beside the checkout): an explicit path, else VERIFIED_VECTORS, else the
/// first <c>shared/vectors</c> next to the working directory or the tool's folder, or any of their parents.
/// </summary>
internal static class VectorsLocator
{
    public static string? Find(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return Directory.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new DirectoryNotFoundException($"vectors directory '{explicitPath}' does not exist");
        }

        if (Environment.GetEnvironmentVariable("VERIFIED_VECTORS") is { Length: > 0 } fromEnv && Directory.Exists(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "vectors");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
