using Shouldly;
using Verified.Reference.Elasticsearch.Search;
using Xunit;

namespace Verified.Search.Tests;

/// <summary>Search body errors with Elasticsearch's types, reasons and token locations (ES AbstractQueryBuilder, SearchSourceBuilder).</summary>
public sealed class ParseErrorTests
{
    [Theory]
    [InlineData("{\"query\":{\"foo\":{}}}", "parsing_exception", "unknown query [foo]", 1, 17)]
    [InlineData("{\"query\":{\"mach\":{}}}", "parsing_exception", "unknown query [mach] did you mean [match]?", 1, 18)]
    [InlineData("{\"query\":{\"match\":\"x\"}}", "parsing_exception", "[match] query malformed, no start_object after query name", 1, 19)]
    [InlineData("{\"query\":{\"term\":{\"a\":1},\"match\":{}}}", "parsing_exception", "[term] malformed query, expected [END_OBJECT] but found [FIELD_NAME]", 1, 26)]
    [InlineData("{\"query\":{\"match\":{\"a\":{\"query\":\"x\",\"slop\":1}}}}", "parsing_exception", "[match] query does not support [slop]", 1, 44)]
    [InlineData("{\"query\":{\"match\":{\"a\":\"x\",\"b\":\"y\"}}}", "parsing_exception", "[match] query doesn't support multiple fields, found [a] and [b]", 1, 32)]
    [InlineData("{\"query\":{\"range\":{\"a\":{\"from\":1}}}}", "parsing_exception", "[range] query does not support [from]", 1, 32)]
    [InlineData("{\"querry\":{}}", "parsing_exception", "Unknown key for a START_OBJECT in [querry].", 1, 11)]
    [InlineData("{\"size\":\"x\"}", "parsing_exception", "[size] failed to parse field [size]", 1, 9)]
    public void BadBodies_GiveParsingExceptionsWithLocations(string body, string type, string reason, int line, int column)
    {
        var error = Should.Throw<SearchException>(() => SearchRequest.Parse(body)).Error;
        error.ShouldBe(new ElasticsearchError(type, reason, 400) { Line = line, Column = column });
    }

    [Fact]
    public void EmptyClause_IsIllegalArgumentWithLocation() =>
        Should.Throw<SearchException>(() => SearchRequest.Parse("{\"query\":{\"bool\":{\"must\":[{}]}}}")).Error
            .ShouldBe(new ElasticsearchError("illegal_argument_exception", "query malformed, empty clause found at [1:28]", 400));

    [Fact]
    public void UnknownBoolField_IsObjectParserError() =>
        Should.Throw<SearchException>(() => SearchRequest.Parse("{\"query\":{\"bool\":{\"musts\":[]}}}")).Error
            .ShouldBe(new ElasticsearchError("x_content_parse_exception", "[1:19] [bool] unknown field [musts]", 400));

    [Fact]
    public void NegativeFrom_IsRejected() =>
        Should.Throw<SearchException>(() => SearchRequest.Parse("{\"from\":-1}")).Error.Reason
            .ShouldBe("[from] parameter cannot be negative, found [-1]");

    [Fact]
    public void ParsingException_RendersLineAndCol()
    {
        var json = Should.Throw<SearchException>(() => SearchRequest.Parse("{\"query\":{\"foo\":{}}}")).Error.ToResponseJson();
        json.ShouldBe("{\"error\":{\"root_cause\":[{\"type\":\"parsing_exception\",\"reason\":\"unknown query [foo]\",\"line\":1,\"col\":17}],"
            + "\"type\":\"parsing_exception\",\"reason\":\"unknown query [foo]\",\"line\":1,\"col\":17},\"status\":400}");
    }

    [Fact]
    public void Suggestions_FollowEsSuggestingErrorOnUnknownTests()
    {
        // ES SuggestingErrorOnUnknownTests: foo vs (bar, baz) → none; (bar, fop) → [fop]; (bar, fop, fou, baz) → any of [fop, fou].
        QueryParser.Suggest("foo", ["bar", "baz"]).ShouldBe(string.Empty);
        QueryParser.Suggest("foo", ["bar", "fop"]).ShouldBe(" did you mean [fop]?");
        QueryParser.Suggest("foo", ["bar", "fop", "fou", "baz"]).ShouldBe(" did you mean any of [fop, fou]?");
    }

    [Fact]
    public void DefaultsAndSortForms_Parse()
    {
        var request = SearchRequest.Parse("{\"sort\":[\"a\",{\"b\":\"desc\"},{\"c\":{\"order\":\"desc\",\"missing\":\"_first\"}},\"_score\"]}");
        request.Size.ShouldBe(10);
        request.From.ShouldBe(0);
        request.Query.ShouldBeOfType<MatchAllQuery>();
        request.Sort.ShouldBe([new SortField("a", false), new SortField("b", true), new SortField("c", true, true), SortField.Score]);
    }
}
