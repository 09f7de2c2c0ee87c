namespace Verified.Simulation.Tests;

/// <summary>
/// A fresh sandbox under the system temp directory, deleted on dispose. Roots go a few levels down
/// (<see cref="NewRoot"/>) so a test can check that nothing appeared beside them.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    private static int s_counter;

    /// <summary>Creates the sandbox.</summary>
    public TempDirectory()
    {
        // Unique per process and per instance without ambient randomness.
        Path = System.IO.Path.Join(System.IO.Path.GetTempPath(), $"verified-sim-{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}");
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }

        Directory.CreateDirectory(Path);
    }

    /// <summary>How deep <see cref="NewRoot"/> puts a root: its distance from the sandbox in ".." steps.</summary>
    public const int RootDepth = 7;

    /// <summary>The sandbox (full path).</summary>
    public string Path { get; }

    /// <summary>
    /// A new, empty root <see cref="RootDepth"/> levels inside the sandbox: a path with fewer ".." segments than that
    /// cannot climb out of the sandbox, so every escape it causes is visible to <see cref="EntriesOutside"/>.
    /// </summary>
    public string NewRoot(string name)
    {
        var root = System.IO.Path.Join(Path, "l1", "l2", "l3", "l4", "l5", "l6", name);
        Directory.CreateDirectory(root);
        return root;
    }

    /// <summary>Every file and directory in the sandbox outside <paramref name="roots"/>, as sorted relative paths.</summary>
    public IReadOnlyList<string> EntriesOutside(params string[] roots)
    {
        var entries = Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
            .Where(e => !roots.Any(r => e == r || e.StartsWith(r + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Select(e => System.IO.Path.GetRelativePath(Path, e))
            .ToList();
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
