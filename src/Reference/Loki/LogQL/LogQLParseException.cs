namespace Verified.Reference.Loki.LogQL;

/// <summary>
/// A query Loki's parser rejects. <see cref="Exception.Message"/> is Loki's exact text
/// (logqlmodel.ParseError.Error): <c>parse error at line L, col C: msg</c>, or <c>parse error : msg</c>
/// when line and column are both 0.
/// </summary>
public class LogQLParseException : FormatException
{
    /// <summary>Creates the error for <paramref name="detail"/> at the given position.</summary>
    public LogQLParseException(string detail, int line, int column)
        : base(Format(detail, line, column))
    {
        Detail = detail;
        Line = line;
        Column = column;
    }

    /// <summary>The message without the position prefix.</summary>
    public string Detail { get; }

    /// <summary>Line as Loki reports it (0 after the Go scanner's Next(), e.g. for range and duration tokens).</summary>
    public int Line { get; }

    /// <summary>Column (1-based characters) as Loki reports it.</summary>
    public int Column { get; }

    /// <summary>logqlmodel.ParseError.Error (loki pkg/logqlmodel/error.go).</summary>
    public static string Format(string detail, int line, int column) =>
        line == 0 && column == 0 ? $"parse error : {detail}" : $"parse error at line {line}, col {column}: {detail}";
}
