using System.Text.Json;
using Verified.Tests.Shared;

namespace Verified.Distributor.Tests.Support;

/// <summary>The gold vectors, read from ../shared/vectors at test time (never copied into the repository).</summary>
public static class Vectors
{
    /// <summary>../shared/vectors as the build found it.</summary>
    public static string Directory => SharedVectors.Directory;

    /// <summary>Parses loki/<paramref name="name"/>.</summary>
    public static JsonDocument Loki(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "loki", name)));
}
