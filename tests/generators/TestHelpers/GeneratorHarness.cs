using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Verified.Generators.Tests.TestHelpers;

/// <summary>
/// Drives <see cref="SpecGenerator"/> with <see cref="CSharpGeneratorDriver"/> over in-memory spec files,
/// with step tracking on so caching can be asserted. The generator reads only AdditionalFiles, so the
/// compilation it runs against is empty.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>Hint name of the vocabulary file (post-initialization output, always present).</summary>
    public const string VocabularyHintName = "Verified.Routing.Vocabulary.g.cs";

    /// <summary>Hint name of the catalogue file.</summary>
    public const string CatalogHintName = "Verified.Routing.SpecCatalog.g.cs";

    public static CSharpCompilation EmptyCompilation() =>
        CSharpCompilation.Create("Verified.Generators.Tests.Input", [], References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files) =>
        CSharpGeneratorDriver.Create(
            [new SpecGenerator().AsSourceGenerator()],
            additionalTexts: files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params AdditionalText[] files) => Run(CreateDriver(files), EmptyCompilation());

    /// <summary>Runs <paramref name="driver"/> once more (it keeps the state of its previous run).</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var driverDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var sources = result.GeneratedSources
            .Select(s => new GeneratedFile(s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();

        // Driver diagnostics carry CS8784/CS8785 when the generator throws; the result carries the generator's own.
        var diagnostics = driverDiagnostics.Concat(result.Diagnostics).Distinct().ToImmutableArray();
        return new GeneratorRun(sources, diagnostics, result, driver);
    }
}
