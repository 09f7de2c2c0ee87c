using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Caching;

/// <summary>
/// The pipeline caches: a second run over the same inputs redoes nothing, and an edit to one spec file redoes
/// only what depends on it. Step names are the generator's TrackingNames (read from it, so a renamed or added
/// step cannot slip past these tests).
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] _stepNames = ["SpecFiles", "Build", "Models", "Diagnostics", "Catalog"];

    [Fact]
    public void TrackedStepNames_AreTheGeneratorsTrackingNames()
    {
        var trackingNames = typeof(SpecGenerator).Assembly.GetType("Verified.Generators.TrackingNames", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

        trackingNames.Order(StringComparer.Ordinal).ShouldBe(_stepNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SecondRunWithTheSameInputs_IsCachedAtEveryStep()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(SpecTexts.BasesAndVariants()), compilation);
        var second = GeneratorHarness.Run(first.Driver, compilation);

        AssertEveryStepCached(second);
        second.Sources.ShouldBe(first.Sources);
    }

    [Fact]
    public void EditingCSharpCode_DoesNotRerunTheSpecPipeline()
    {
        // The generator reads only spec files; a change to the C# of the compilation must not wake it.
        var compilation = GeneratorHarness.EmptyCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(SpecTexts.BasesAndVariants()), compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public static class Edited { } }"));

        AssertEveryStepCached(GeneratorHarness.Run(first.Driver, edited));
    }

    [Fact]
    public void SecondRun_WithABrokenSpecAmongTheInputs_IsAlsoCached()
    {
        // Diagnostics are data (DiagnosticInfo with a SourceLocation), so they cache like models do.
        var files = SpecTexts.BasesAndVariants().Append(MiniSpec.File(MiniSpec.With("version: 1", "version: 0"))).ToArray();
        var compilation = GeneratorHarness.EmptyCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(files), compilation);
        var second = GeneratorHarness.Run(first.Driver, compilation);

        first.WithId("VSPEC005").ShouldHaveSingleItem();
        AssertEveryStepCached(second);
        second.Diagnostics.ShouldBe(first.Diagnostics);
    }

    [Theory]
    [InlineData(SpecTexts.ElasticsearchPath, "elasticsearch", "elasticsearch-modulo")]
    [InlineData(SpecTexts.LokiPath, "loki", "loki-rf5-zones", "loki-compat-read")]
    [InlineData(SpecTexts.LokiRf5ZonesPath, "loki-rf5-zones")]
    [InlineData(SpecTexts.LokiCompatReadPath, "loki-compat-read")]
    public void EditingOneSpecFile_ReemitsOnlyTheSpecsBuiltFromIt(string editedPath, params string[] affectedIds)
    {
        var files = SpecTexts.BasesAndVariants();
        var compilation = GeneratorHarness.EmptyCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(files), compilation);

        var old = files.Single(f => f.Path == editedPath);
        var text = old.GetText().ToString();
        var edited = new InMemoryAdditionalText(editedPath, MiniSpec.Replace(text, "\ntitle: ", "\ntitle: Edited "));
        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(old, edited), compilation);
        second.Diagnostics.ShouldBeEmpty();

        // SpecFiles: only the edited file is new.
        foreach (var (value, reason) in Outputs(second, "SpecFiles"))
        {
            var path = (string)value.GetType().GetProperty("Path")!.GetValue(value)!;
            reason.ShouldBe(path == editedPath ? IncrementalStepRunReason.Modified : IncrementalStepRunReason.Cached, path);
        }

        // Models: the edited spec and the variants merged over it change; every other model compares equal.
        var models = Outputs(second, "Models").ToList();
        models.Count.ShouldBe(files.Length);
        foreach (var (value, reason) in models)
        {
            var id = (string)value.GetType().GetProperty("Id")!.GetValue(value)!;
            if (affectedIds.Contains(id))
            {
                reason.ShouldBe(IncrementalStepRunReason.Modified, id);
            }
            else
            {
                reason.ShouldBeOneOf([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged], id);
            }
        }

        // No spec became broken, so the diagnostics output compares equal and is not reported again.
        Outputs(second, "Diagnostics").ShouldAllBe(o => o.Reason == IncrementalStepRunReason.Unchanged);

        // Only the affected spec classes are re-emitted (the catalogue follows the model list).
        var reemitted = second.Result.TrackedOutputSteps["SourceOutput"]
            .SelectMany(s => s.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        reemitted.ShouldBeLessThanOrEqualTo(affectedIds.Length + 1);
    }

    [Fact]
    public void TrackedOutputs_HoldNoRoslynObjects()
    {
        // Models must be plain equatable data: a symbol, node or compilation inside one defeats caching and leaks memory.
        var run = GeneratorHarness.Run(SpecTexts.BasesAndVariants());
        foreach (var name in _stepNames)
        {
            foreach (var (value, _) in Outputs(run, name))
            {
                AssertNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
            }
        }
    }

    [Fact]
    public void NegativeControls_TheCachingAssertionsCanFail()
    {
        // A run after a real edit is not fully cached: the assertion used above must say so.
        var files = SpecTexts.BasesAndVariants();
        var compilation = GeneratorHarness.EmptyCompilation();
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(files), compilation);
        var edited = new InMemoryAdditionalText(files[0].Path, files[0].GetText().ToString() + "# edited\n");
        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(files[0], edited), compilation);
        Should.Throw<ShouldAssertException>(() => AssertEveryStepCached(second));

        // And the object-graph walk finds a Roslyn object when one is there.
        var holder = new { Inner = new object[] { Location.None } };
        Should.Throw<ShouldAssertException>(() => AssertNoRoslynObjects(holder, "control", new HashSet<object>(ReferenceEqualityComparer.Instance), 0));
    }

    private static void AssertEveryStepCached(GeneratorRun run)
    {
        foreach (var name in _stepNames)
        {
            var outputs = Outputs(run, name).ToList();
            outputs.ShouldNotBeEmpty($"step {name} produced nothing");
            outputs.ShouldAllBe(
                o => o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged,
                $"step {name}: {string.Join(", ", outputs.Select(o => o.Reason))}");
        }
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRun run, string stepName)
    {
        run.Result.TrackedSteps.TryGetValue(stepName, out var steps).ShouldBeTrue($"no tracked step {stepName}");
        return steps.SelectMany(s => s.Outputs);
    }

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 20 || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        (value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location).ShouldBeFalse($"{step} output holds a {type}");
        type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal).ShouldNotBe(true, $"{step} output holds a {type}");

        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, step, seen, depth + 1);
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, seen, depth + 1);
        }
    }
}
