using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Verified.Generators.Tests.TestHelpers;

/// <summary>What one generator run produced: the sources, the diagnostics, and the driver to run again.</summary>
internal sealed record GeneratorRun(
    ImmutableArray<GeneratedFile> Sources,
    ImmutableArray<Diagnostic> Diagnostics,
    GeneratorRunResult Result,
    GeneratorDriver Driver)
{
    public IEnumerable<string> HintNames => Sources.Select(s => s.HintName);

    public GeneratedFile Source(string hintName) =>
        Sources.SingleOrDefault(s => s.HintName == hintName)
        ?? throw new InvalidOperationException($"no generated file '{hintName}'; generated: {string.Join(", ", HintNames)}");

    public IEnumerable<Diagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id);
}
