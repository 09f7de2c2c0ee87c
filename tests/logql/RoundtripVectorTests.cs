using System.Text.Json;
using Verified.Reference.Loki.LogQL;
using Verified.Tests.Shared;

namespace Verified.LogQL.Tests;

/// <summary>vectors/loki/logql_string_roundtrip.json (loki ast_test.go): selector identities, Stringer in→out, round-trips.</summary>
public sealed class RoundtripVectorTests
{
    private static readonly JsonElement Vectors = SharedVectors.Load("loki/logql_string_roundtrip.json");

    public static TheoryData<string> Selectors() => Data(Vectors.GetProperty("Test_logSelectorExpr_String").GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("selector").GetString()!));

    public static TheoryData<string, string> Stringer()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Vectors.GetProperty("TestStringer").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("in").GetString()!, c.GetProperty("out").GetString()!);
        }

        return data;
    }

    public static TheoryData<string> RoundTrips() => Data(Vectors.GetProperty("Test_SampleExpr_String").GetProperty("cases").EnumerateArray().Select(c => c.GetString()!));

    [Fact]
    public void RoundtripFile_HasTheDocumentedCounts()
    {
        Selectors().Count.ShouldBe(28);
        Stringer().Count.ShouldBe(38);
        RoundTrips().Count.ShouldBe(50);
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void LogSelector_PrintsAsWritten(string selector) =>
        LogQLParser.ParseLogSelector(selector).ToString().ShouldBe(selector);

    [Theory]
    [MemberData(nameof(Stringer))]
    public void Stringer_PrintsLokisText(string input, string output) =>
        LogQLParser.Parse(input).ToString().ShouldBe(output);

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void SampleExpr_ReparsesToTheSameAst(string query)
    {
        var first = LogQLParser.Parse(query);
        LogQLParser.Parse(first.ToString()).ShouldBe(first);
    }

    private static TheoryData<string> Data(IEnumerable<string> items)
    {
        var data = new TheoryData<string>();
        foreach (var item in items)
        {
            data.Add(item);
        }

        return data;
    }
}
