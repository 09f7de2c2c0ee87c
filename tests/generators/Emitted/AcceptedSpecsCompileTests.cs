using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Emitted;

/// <summary>
/// The generator's contract for any input: either a VSPEC diagnostic, or code that compiles. Each row is a
/// spec the generator accepts; it must then compile (in the consumer's settings, so that only the row's own
/// problem shows). Rows that fail are generator bugs, listed with causes in the report; they stay red until the
/// generator diagnoses the input or emits code that compiles.
/// </summary>
public sealed class AcceptedSpecsCompileTests
{
    private static readonly Dictionary<string, Func<string>> _miniCases = new()
    {
        ["one lifecycle transition"] = () => MiniSpec.With("    - { from: B, to: A }\n", string.Empty),
        ["one requirement"] = () => MiniSpec.With("  - { id: ES-PLACE-2, level: MUST, text: Second, source: test }\n", string.Empty),
        ["class named like the catalogue"] = () => MiniSpec.With("class: MiniRouting", "class: SpecCatalog"),
        ["class named by a C# keyword"] = () => MiniSpec.With("class: MiniRouting", "class: object"),
        ["class named like a read-path type"] = () => MiniSpec.With("class: MiniRouting", "class: ReadPathOptions"),
        ["namespace that is not a C# name"] = () => MiniSpec.With("class: MiniRouting\n", "class: MiniRouting\nnamespace: My Routing\n"),
        ["shard spec keyed by tenant and labels"] = () => MiniSpec.With("key: [effective_routing]", "key: [tenant, labels]"),
        ["key part listed twice"] = () => MiniSpec.With("key: [effective_routing]", "key: [effective_routing, effective_routing]"),
        ["empty key"] = () => MiniSpec.With("key: [effective_routing]", "key: []"),
        ["formula overflowing at compile time"] = () => MiniSpec.With("default_routing_shards: shards", "default_routing_shards: 2147483647 + 1"),
        ["formula dividing a constant by zero"] = () => MiniSpec.With("default_routing_shards: shards", "default_routing_shards: 1 / 0"),
    };

    private static readonly Dictionary<string, Func<string>> _lokiCases = new()
    {
        ["ring lifecycle without transitions"] = () => Regex.Replace(SpecTexts.Loki, @"  transitions:\n(    - \{ from: .*\n)+", "  transitions: []\n"),
        ["ring without operations"] = () => Regex.Replace(SpecTexts.Loki, @"  operations:.*\n(    \w+: +\{.*\n)+", "  operations: {}\n"),
        ["operation named by a C# keyword"] = () => MiniSpec.Replace(SpecTexts.Loki, "Reporting:", "class:"),
        ["operation named All"] = () => MiniSpec.Replace(SpecTexts.Loki, "Reporting:", "All:"),
        ["read section with fractional and compound durations"] = () => MiniSpec.Replace(
            MiniSpec.Replace(SpecTexts.Loki, "split_queries_by_interval: 1h ", "split_queries_by_interval: 1.5h"), "max_query_length: 721h", "max_query_length: 30h0m0.5s"),
        ["read section with every duration zero"] = () => Regex.Replace(SpecTexts.Loki, @"(query_ingesters_within|split_queries_by_interval|max_query_length): \S+", "$1: 0"),
        ["states equal in PascalCase"] = () => MiniSpec.Replace(SpecTexts.Loki, "    - { name: LEFT, value: 4 }\n", "    - { name: LEFT, value: 4 }\n    - { name: DRAINING, value: 5 }\n    - { name: Draining, value: 6 }\n"),
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in _miniCases.Keys.Concat(_lokiCases.Keys))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void MiniSpec_Compiles()
    {
        // The control: the unbroken spec every row starts from compiles, so a red row is the row's fault.
        var run = GeneratorHarness.Run(MiniSpec.File());
        Errors(run).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SpecTheGeneratorAccepts_Compiles(string @case)
    {
        var file = _miniCases.TryGetValue(@case, out var mini)
            ? MiniSpec.File(mini())
            : new InMemoryAdditionalText("spec/loki.yaml", _lokiCases[@case]());
        var run = GeneratorHarness.Run(file);
        run.ShouldNotHaveCrashed();
        if (run.Diagnostics.Any(d => d.Id.StartsWith("VSPEC", StringComparison.Ordinal)))
        {
            return; // diagnosed: nothing emitted to compile
        }

        var errors = Errors(run);
        errors.ShouldBeEmpty($"'{@case}' gets no VSPEC diagnostic but its code does not compile:\n{string.Join("\n", errors.Take(5))}");
    }

    private static List<Diagnostic> Errors(GeneratorRun run) =>
        GeneratedAssembly.Diagnose(run.Sources.Select(s => s.Text).Append(GeneratedAssembly.ConsumerImplicitUsings))
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToList();
}
