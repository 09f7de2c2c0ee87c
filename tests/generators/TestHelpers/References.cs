using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Verified.Generators.Tests.TestHelpers;

/// <summary>Metadata references for compiling generated code: the runtime's assemblies plus the two packages it uses.</summary>
internal static class References
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> _all = new(Load);

    public static ImmutableArray<MetadataReference> All => _all.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(ImmutableArray).Assembly.Location)
            .Append(typeof(System.IO.Hashing.XxHash64).Assembly.Location);

        // One reference per assembly name: the same file can reach us twice.
        return paths
            .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToImmutableArray();
    }
}
