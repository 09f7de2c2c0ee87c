namespace Verified.Generators.Model;

/// <summary>A spec file as the compiler handed it over: path and text (value equality drives caching).</summary>
internal sealed record SpecFile(string Path, string Text);

/// <summary>Everything built from the spec files of one compilation.</summary>
internal sealed record SpecBuildResult(EquatableArray<SpecModel> Models, EquatableArray<DiagnosticInfo> Diagnostics);
