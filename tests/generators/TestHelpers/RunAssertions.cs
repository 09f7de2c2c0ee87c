using Shouldly;

namespace Verified.Generators.Tests.TestHelpers;

/// <summary>Assertions on what a run emitted.</summary>
internal static class RunAssertions
{
    /// <summary>Asserts that nothing was generated for <paramref name="className"/>: no file and no catalogue entry.</summary>
    public static void ShouldNotEmit(this GeneratorRun run, string className)
    {
        run.HintNames.ShouldNotContain(h => h.Contains("." + className + ".", StringComparison.Ordinal), $"{className} was emitted despite its error");
        run.Source(GeneratorHarness.CatalogHintName).Text.ShouldNotContain("." + className + ".");
    }

    /// <summary>Asserts that <paramref name="className"/> was generated and is listed in the catalogue.</summary>
    public static void ShouldEmit(this GeneratorRun run, string className)
    {
        run.HintNames.ShouldContain($"Verified.Routing.{className}.g.cs");
        run.Source(GeneratorHarness.CatalogHintName).Text.ShouldContain($"global::Verified.Routing.{className}.Instance");
    }
}
