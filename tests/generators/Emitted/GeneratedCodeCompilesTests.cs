using Microsoft.CodeAnalysis;
using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Emitted;

/// <summary>
/// The generated code (vocabulary + every spec class + catalogue) compiles by itself: the vocabulary promises
/// to be self-contained, so a consumer needs no usings, helpers or packages beyond System.Collections.Immutable
/// and System.IO.Hashing. (It does need AllowUnsafeBlocks, for [SkipLocalsInit] — as src/Reference sets.)
/// </summary>
public sealed class GeneratedCodeCompilesTests
{
    private static readonly Lazy<GeneratorRun> _all = new(() => GeneratorHarness.Run(SpecTexts.All()));

    [Fact]
    public void EverySpecInTheRepository_Generates_WithoutDiagnostics()
    {
        _all.Value.ShouldNotHaveCrashed();
        _all.Value.Diagnostics.ShouldBeEmpty();
        // 2 bases + 2 variants + 7 mutants, the vocabulary and the catalogue.
        _all.Value.Sources.Length.ShouldBe(SpecTexts.All().Length + 2);
    }

    [Fact]
    public void GeneratedSources_CompileOnTheirOwn_WithoutErrorsOrWarnings()
    {
        var diagnostics = GeneratedAssembly.Diagnose(_all.Value.Sources.Select(s => s.Text))
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();

        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics.Take(10)));
    }

    [Fact]
    public void GeneratedSources_CompileWithTheConsumersImplicitUsings_AndLoad()
    {
        var assembly = GeneratedAssembly.LoadAsConsumer(_all.Value);

        var catalog = assembly.Type("Verified.Routing.SpecCatalog");
        var all = (System.Collections.IEnumerable)catalog.GetField("All")!.GetValue(null)!;
        all.Cast<object>().Count().ShouldBe(SpecTexts.All().Length);
    }

    [Fact]
    public void Catalog_ListsBasesThenVariantsThenMutants_AndOnlyBaseRequirements()
    {
        var assembly = GeneratedAssembly.LoadAsConsumer(_all.Value);
        var catalog = assembly.Type("Verified.Routing.SpecCatalog");

        var roles = ((System.Collections.IEnumerable)catalog.GetField("All")!.GetValue(null)!).Cast<object>()
            .Select(s => (string)s.GetType().GetProperty("Role")!.GetValue(s)!)
            .ToList();
        roles.ShouldBe(roles.OrderBy(r => r switch { "spec" => 0, "variant" => 1, _ => 2 }).ToList());
        roles.Count(r => r == "spec").ShouldBe(2);

        var requirementIds = ((System.Collections.IEnumerable)catalog.GetField("Requirements")!.GetValue(null)!).Cast<object>()
            .Select(r => (string)r.GetType().GetProperty("Id")!.GetValue(r)!)
            .ToList();
        requirementIds.ShouldBeUnique();
        requirementIds.ShouldContain("LOKI-PLACE-1");
        requirementIds.ShouldContain("ES-PLACE-1");
    }
}
