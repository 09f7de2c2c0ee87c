using Shouldly;

namespace Verified.Generators.Tests.TestHelpers;

/// <summary>
/// The smallest spec the generator accepts without a diagnostic, with known line numbers, so a diagnostic test
/// can break one line and assert exactly where the diagnostic points. Line numbers are 1-based, as editors show.
/// </summary>
internal static class MiniSpec
{
    public const string Path = "spec/mini.yaml";

    public const string ClassName = "MiniRouting";

    // Line numbers matter: the diagnostic tests assert them. Keep this text unchanged.
    public const string Text = """
        spec: mini
        version: 1
        system: ES
        title: Minimal shard spec
        class: MiniRouting
        partition:
          key: [effective_routing]
          hash:
            function: murmur3-x86-32
            encoding: utf16le
        placement:
          kind: shard-formula
          formula: modulo
          default_routing_shards: shards
          errors:
            routing_missing: "routing is required for [{0}]/[{1}]"
            shards_positive: "shards must be >= 1, got [{0}]"
            routing_shards_factor: "[{0}] must be a factor of [{1}]"
            partition_size_range: "bad partition size [{0}] for [{1}] in [{2}]"
        lifecycle:
          name: Copy
          initial: A
          transitions:
            - { from: A, to: B }
            - { from: B, to: A }
          disallowed: "no {0} -> {1}"
        requirements:
          - { id: ES-PLACE-1, level: MUST, text: First, source: test }
          - { id: ES-PLACE-2, level: MUST, text: Second, source: test }

        """;

    public static InMemoryAdditionalText File(string text = Text, string path = Path) => new(path, text);

    /// <summary>The mini spec with <paramref name="oldText"/> (which must occur exactly once) replaced.</summary>
    public static string With(string oldText, string newText) => Replace(Text, oldText, newText);

    public static string Replace(string text, string oldText, string newText)
    {
        var first = text.IndexOf(oldText, StringComparison.Ordinal);
        first.ShouldBeGreaterThanOrEqualTo(0, $"'{oldText}' is not in the spec text");
        text.IndexOf(oldText, first + 1, StringComparison.Ordinal).ShouldBe(-1, $"'{oldText}' occurs more than once");
        return string.Concat(text.AsSpan(0, first), newText, text.AsSpan(first + oldText.Length));
    }
}
