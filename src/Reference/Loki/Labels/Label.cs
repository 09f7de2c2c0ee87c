namespace Verified.Reference.Loki.Labels;

/// <summary>One label pair. Names and values are compared ordinally, as Go compares strings.</summary>
public readonly record struct Label(string Name, string Value);
