namespace Verified.Generators.Tests.TestHelpers;

/// <summary>
/// In-memory variant specs merged over a real base spec: "the base spec, except for this one key".
/// Line 1 is the spec id, line 2 the base, line 3 the title, line 4 the class; the overlay starts on line 5.
/// </summary>
internal static class VariantSpec
{
    public static InMemoryAdditionalText Over(string baseId, string id, string className, string overlay) =>
        new($"spec/variants/{id}.yaml", Text(baseId, id, className, overlay));

    public static string Text(string baseId, string id, string className, string overlay) =>
        $"spec: {id}\nbase: {baseId}\ntitle: Test variant {id}\nclass: {className}\n{overlay.ReplaceLineEndings("\n").TrimEnd('\n')}\n";
}
