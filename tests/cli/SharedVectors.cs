using System.Reflection;
using System.Text.Json;

namespace Verified.Cli.Tests;

/// <summary>Reads the gold vectors from ../shared/vectors at test time (they are never copied into the repo).</summary>
internal static class SharedVectors
{
    public static string Directory { get; } =
        typeof(SharedVectors).Assembly.GetCustomAttribute<SharedVectorsDirectoryAttribute>()?.Path
        ?? throw new InvalidOperationException("SharedVectorsDirectoryAttribute missing: the build sets it from $(SharedVectorsDir)");

    public static JsonElement Load(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"gold vector file {path} not found: the tests expect ../shared/vectors beside the checkout (CI has it)", path);
        }

        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }
}
