using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Verified.Generators.Tests.TestHelpers;

/// <summary>
/// A spec file handed to the generator from memory. The path is what the generator prints into
/// <c>SourcePath</c> and into diagnostics, so tests pass stable relative paths such as "spec/loki.yaml".
/// </summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    /// <inheritdoc />
    public override string Path { get; }

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
