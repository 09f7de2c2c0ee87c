namespace Verified.Reference.Loki.LogQL;

/// <summary>
/// A query that is valid LogQL but uses a construct this reference does not implement. Deliberately a
/// different type and text from <see cref="LogQLParseException"/>: Loki would accept the query.
/// </summary>
public sealed class LogQLNotSupportedException : NotSupportedException
{
    /// <summary>Creates the error naming the construct.</summary>
    public LogQLNotSupportedException(string construct, int line, int column)
        : base($"LogQL construct not supported by Verified: {construct} (line {line}, col {column})")
    {
        Construct = construct;
    }

    /// <summary>Creates the error for a construct the evaluator (not the parser) does not implement.</summary>
    public LogQLNotSupportedException(string construct)
        : base($"LogQL construct not supported by the Verified evaluator: {construct}")
    {
        Construct = construct;
    }

    /// <summary>The construct, e.g. "variants".</summary>
    public string Construct { get; }
}
