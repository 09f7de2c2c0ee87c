using System.Runtime.CompilerServices;
using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests;

/// <summary>
/// Every file the generator emits for the real specs (the two bases and the three variants) equals its approved
/// golden copy in Golden/. A change to the spec, the emitters or the vocabulary shows up here as a diff to review.
/// How to approve: README.md.
/// </summary>
public sealed class GoldenOutputTests
{
    /// <summary>Set to 1 to overwrite the golden files with the current output (then review the git diff).</summary>
    public const string ApproveVariable = "VERIFIED_APPROVE_GOLDEN";

    private static readonly Lazy<GeneratorRun> _run = new(() => GeneratorHarness.Run(SpecTexts.BasesAndVariants()));

    public static TheoryData<string> HintNames()
    {
        var data = new TheoryData<string>();
        foreach (var hint in _run.Value.HintNames)
        {
            data.Add(hint);
        }

        return data;
    }

    [Fact]
    public void RealSpecs_GenerateTheExpectedFiles_WithoutDiagnostics()
    {
        _run.Value.ShouldNotHaveCrashed();
        _run.Value.Diagnostics.ShouldBeEmpty();
        _run.Value.HintNames.Order(StringComparer.Ordinal).ShouldBe(
        [
            "Verified.Routing.ElasticsearchModuloRouting.g.cs",
            "Verified.Routing.ElasticsearchRouting.g.cs",
            "Verified.Routing.LokiCompatReadRouting.g.cs",
            "Verified.Routing.LokiRf5ZonesRouting.g.cs",
            "Verified.Routing.LokiRouting.g.cs",
            GeneratorHarness.CatalogHintName,
            GeneratorHarness.VocabularyHintName,
        ]);
    }

    [Theory]
    [MemberData(nameof(HintNames))]
    public void GeneratedFile_MatchesGolden(string hintName)
    {
        var text = _run.Value.Source(hintName).Text;
        var stem = hintName[..^".cs".Length];
        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(Path.Combine(GoldenDirectory(), hintName), text);
        }

        // Approved: Golden/<hint name>; on a mismatch Shouldly leaves Golden/<stem>.received.cs beside it.
        text.ShouldMatchApproved(c => c
            .SubFolder("Golden")
            .WithDiscriminator(stem)
            .WithFileExtension("cs")
            .WithFilenameGenerator((_, discriminator, type, extension) =>
                type == "approved" ? $"{discriminator!.TrimStart('.')}.{extension}" : $"{discriminator!.TrimStart('.')}.{type}.{extension}")
            .NoDiff());
    }

    [Fact]
    public void GoldenDirectory_HoldsNoFileTheGeneratorNoLongerEmits()
    {
        var golden = Directory.EnumerateFiles(GoldenDirectory(), "*.g.cs").Select(p => Path.GetFileName(p)!);
        golden.Order(StringComparer.Ordinal).ShouldBe(_run.Value.HintNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GeneratedSpecClasses_RecordTheRelativeSpecPath()
    {
        // SourcePath is what the compiler was given; relative paths keep the golden files machine-independent.
        _run.Value.Source("Verified.Routing.LokiRouting.g.cs").Text.ShouldContain("public string SourcePath => \"spec/loki.yaml\";");
        _run.Value.Source("Verified.Routing.LokiRf5ZonesRouting.g.cs").Text.ShouldContain("public string SourcePath => \"spec/variants/loki-rf5-zones.yaml\";");
    }

    private static string GoldenDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");
}
