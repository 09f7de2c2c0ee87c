namespace Verified.Reference.Loki.LogQL;

/// <summary>
/// One lexed token. <see cref="Line"/> and <see cref="Column"/> are what Loki's errors report: Go's
/// text/scanner sets Line to 0 once Next() has been called, which Loki's lexer does for two-character
/// operators, ranges, durations, byte sizes and flags (lex.go) — hence "line 0, col 20" for a range.
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Text">Identifier or number text, unquoted string, keyword or function name (lowercase).</param>
/// <param name="Line">Reported line.</param>
/// <param name="Column">Reported column (1-based, in characters).</param>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>Duration or range value in nanoseconds.</summary>
    public long Nanoseconds { get; init; }

    /// <summary>Byte-size value.</summary>
    public ulong Bytes { get; init; }

    /// <summary>The name goyacc prints in "unexpected X" (lex.go renames the tokens-map entries to their text).</summary>
    public string DisplayName => Kind switch
    {
        TokenKind.End => "$end",
        TokenKind.Identifier => "IDENTIFIER",
        TokenKind.String => "STRING",
        TokenKind.Number => "NUMBER",
        TokenKind.Duration => "DURATION",
        TokenKind.Range => "RANGE",
        TokenKind.Bytes => "BYTES",
        TokenKind.ParserFlag => "FUNCTION_FLAG",
        TokenKind.RangeOp or TokenKind.VectorOp or TokenKind.ConvOp => ConvName(Text),
        TokenKind.Vector => "VECTOR",
        _ => Text,
    };

    private static string ConvName(string text) => text switch
    {
        "bytes" => "BYTES_CONV",
        "duration" => "DURATION_CONV",
        "duration_seconds" => "DURATION_SECONDS_CONV",
        _ => text.ToUpperInvariant(),
    };
}
