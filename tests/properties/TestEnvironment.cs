using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Tests.Shared;

namespace Verified.Properties.Tests;

/// <summary>Where the gold vectors and the repository are, and check contexts built on them.</summary>
public static class TestEnvironment
{
    /// <summary>../shared/vectors as the build found it (read at test time, never copied).</summary>
    public static string VectorsDirectory => SharedVectors.Directory;

    /// <summary>The checkout: the nearest directory above the test binaries holding Verified.sln.</summary>
    public static DirectoryInfo RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>A context for <paramref name="target"/> with the gold vectors.</summary>
    public static CheckContext Context(PlacementTarget target, int maxTest = 100) => new(target, VectorsDirectory, maxTest);

    private static DirectoryInfo FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Verified.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"no Verified.sln above {AppContext.BaseDirectory}");
    }
}
