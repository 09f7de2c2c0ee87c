using System.Reflection;

namespace Verified.Ingester.Tests;

/// <summary>Where the gold vectors are (read at test time from ../shared/vectors, never copied).</summary>
internal static class TestEnvironment
{
    public static string VectorsDirectory { get; } =
        typeof(TestEnvironment).Assembly.GetCustomAttribute<SharedVectorsDirectoryAttribute>()?.Path
        ?? throw new InvalidOperationException("the test assembly has no SharedVectorsDirectory attribute");

    public static string Vector(string relative) => Path.Combine(VectorsDirectory, relative);
}
