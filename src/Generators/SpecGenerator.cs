using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Verified.Generators.Diagnostics;
using Verified.Generators.Emit;
using Verified.Generators.Model;
using Verified.Generators.Parsing;

namespace Verified.Generators;

/// <summary>
/// Reads <c>spec/*.yaml</c> (AdditionalFiles) and emits the routing code, the requirement catalogue and the
/// lifecycle tables. Pipeline: file text → <see cref="SpecResolver"/> (parse, merge variants, check) →
/// equatable <see cref="SpecModel"/>s → text emitters. A bad spec gives VSPEC diagnostics, never a crash.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SpecGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static ctx => ctx.AddSource(VocabularyEmitter.HintName, SourceText.From(VocabularyEmitter.Source, System.Text.Encoding.UTF8)));

        var files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".yaml", System.StringComparison.OrdinalIgnoreCase) || text.Path.EndsWith(".yml", System.StringComparison.OrdinalIgnoreCase))
            .Select(static (text, ct) => new SpecFile(text.Path, text.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.SpecFiles);

        var build = files.Collect()
            .Select(static (all, _) => SpecResolver.Build(all))
            .WithTrackingName(TrackingNames.Build);

        var models = build.SelectMany(static (result, _) => result.Models.AsImmutableArray())
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, static (ctx, spec) => ctx.AddSource(SpecEmitter.HintName(spec), SourceText.From(SpecEmitter.Emit(spec), System.Text.Encoding.UTF8)));

        var diagnostics = build.Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (ctx, all) =>
        {
            foreach (var info in all)
            {
                ctx.ReportDiagnostic(ToDiagnostic(info));
            }
        });

        var catalog = build.Select(static (result, _) => result.Models)
            .WithTrackingName(TrackingNames.Catalog);
        context.RegisterSourceOutput(catalog, static (ctx, all) => ctx.AddSource(CatalogEmitter.HintName, SourceText.From(CatalogEmitter.Emit(all.ToList()), System.Text.Encoding.UTF8)));
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var l = info.Location;
        var location = Location.Create(l.Path, new TextSpan(l.Offset, l.Length), new LinePositionSpan(new LinePosition(l.Line, l.Column), new LinePosition(l.EndLine, l.EndColumn)));
        return Diagnostic.Create(DiagnosticDescriptors.ById[info.Id], location, info.Arguments.Select(a => (object?)a).ToArray());
    }
}
