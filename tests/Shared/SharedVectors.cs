using System.Reflection;
using System.Text.Json;

namespace Verified.Tests.Shared;

/// <summary>Where the build found ../shared/vectors (set from MSBuild in tests/Directory.Build.props).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class SharedVectorsDirectoryAttribute(string path) : Attribute
{
    /// <summary>The directory path.</summary>
    public string Path { get; } = path;
}

/// <summary>The gold vectors, read from ../shared/vectors at test time: they are never copied into the repository.</summary>
internal static class SharedVectors
{
    /// <summary>../shared/vectors as the build found it.</summary>
    public static string Directory { get; } =
        typeof(SharedVectors).Assembly.GetCustomAttribute<SharedVectorsDirectoryAttribute>()?.Path
        ?? throw new InvalidOperationException("the test assembly has no SharedVectorsDirectory attribute (tests/Directory.Build.props sets it)");

    /// <summary>The full path of a vector file, e.g. "loki/chunk_key_vectors.json".</summary>
    public static string PathOf(string relativePath) => System.IO.Path.Combine(Directory, relativePath);

    /// <summary>Parses a vector file; a clear error when ../shared is not beside the checkout.</summary>
    public static JsonElement Load(string relativePath)
    {
        var path = PathOf(relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"gold vector file {path} not found: the tests expect ../shared/vectors beside the checkout (CI has it)", path);
        }

        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }
}
