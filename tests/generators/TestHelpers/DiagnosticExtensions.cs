using System.Globalization;
using Microsoft.CodeAnalysis;
using Shouldly;

namespace Verified.Generators.Tests.TestHelpers;

/// <summary>Assertions on where a VSPEC diagnostic points, in the 1-based lines and columns an editor shows.</summary>
internal static class DiagnosticExtensions
{
    public static int Line(this Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    public static int Column(this Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1;

    public static string FilePath(this Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().Path;

    public static string Message(this Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>The text the diagnostic's span covers in <paramref name="fileText"/>.</summary>
    public static string SpanText(this Diagnostic diagnostic, string fileText)
    {
        var span = diagnostic.Location.SourceSpan;
        return fileText.Substring(span.Start, Math.Min(span.Length, fileText.Length - span.Start));
    }

    /// <summary>Asserts the generator did not throw (CS8784/CS8785) and returns the single diagnostic with <paramref name="id"/>.</summary>
    public static Diagnostic ShouldHaveSingle(this GeneratorRun run, string id)
    {
        run.ShouldNotHaveCrashed();
        var matches = run.WithId(id).ToList();
        matches.Count.ShouldBe(1, $"expected one {id}; got: {Describe(run)}");
        return matches[0];
    }

    public static void ShouldNotHaveCrashed(this GeneratorRun run)
    {
        run.Result.Exception.ShouldBeNull();
        run.Diagnostics.Where(d => d.Id is "CS8784" or "CS8785").ShouldBeEmpty();
    }

    /// <summary>Asserts where <paramref name="diagnostic"/> points: file, 1-based line and column.</summary>
    public static void ShouldPointAt(this Diagnostic diagnostic, string path, int line, int column)
    {
        diagnostic.FilePath().ShouldBe(path);
        (diagnostic.Line(), diagnostic.Column()).ShouldBe((line, column), $"{diagnostic.Id} at wrong place: {diagnostic}");
    }

    public static string Describe(GeneratorRun run) =>
        run.Diagnostics.Length == 0 ? "(no diagnostics)" : string.Join("\n", run.Diagnostics.Select(d => d.ToString()));
}
