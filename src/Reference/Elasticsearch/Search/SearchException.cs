namespace Verified.Reference.Elasticsearch.Search;

/// <summary>An Elasticsearch error raised as an exception: bad input to the store or the search parser.</summary>
public sealed class SearchException : Exception
{
    /// <summary>Wraps <paramref name="error"/>; the message is its reason.</summary>
    public SearchException(ElasticsearchError error)
        : base(error.Reason ?? error.Type) => Error = error;

    /// <summary>The error in Elasticsearch's shape.</summary>
    public ElasticsearchError Error { get; }

    /// <summary>A 400 <c>parsing_exception</c> at a token (ES ParsingException: the location goes in <c>line</c>/<c>col</c>).</summary>
    internal static SearchException Parsing(string reason, PositionedJson at) =>
        new(new ElasticsearchError("parsing_exception", reason, 400) { Line = at.Line, Column = at.Column });

    /// <summary>A 400 <c>parsing_exception</c> at a position.</summary>
    internal static SearchException Parsing(string reason, int line, int column) =>
        new(new ElasticsearchError("parsing_exception", reason, 400) { Line = line, Column = column });

    /// <summary>A 400 <c>illegal_argument_exception</c>.</summary>
    internal static SearchException IllegalArgument(string reason) =>
        new(new ElasticsearchError("illegal_argument_exception", reason, 400));
}
