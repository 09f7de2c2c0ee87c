using System.Reflection;
using System.Text.Json;

namespace Verified.Distributor.Tests.Support;

/// <summary>The gold vectors, read from ../shared/vectors at test time (never copied into the repository).</summary>
public static class Vectors
{
    /// <summary>../shared/vectors as the build found it.</summary>
    public static string Directory { get; } =
        typeof(Vectors).Assembly.GetCustomAttribute<SharedVectorsDirectoryAttribute>()?.Path
        ?? throw new InvalidOperationException("the test assembly has no SharedVectorsDirectory attribute");

    /// <summary>Parses loki/<paramref name="name"/>.</summary>
    public static JsonDocument Loki(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "loki", name)));
}
