namespace Verified.Reference.Loki.Labels;

/// <summary>
/// A label selector that Loki's <c>syntax.ParseLabels</c> would reject. <see cref="Exception.Message"/> is the
/// Prometheus parser's text, e.g. <c>1:4: parse error: unexpected identifier "b" in label set, expected string</c>.
/// </summary>
public sealed class LabelParseException : FormatException
{
    /// <summary>Creates the error with the exact message.</summary>
    public LabelParseException(string message)
        : base(message)
    {
    }
}
