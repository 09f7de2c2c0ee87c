namespace Verified.Generators.Tests.TestHelpers;

/// <summary>One file the generator added: its hint name and text.</summary>
internal sealed record GeneratedFile(string HintName, string Text);
