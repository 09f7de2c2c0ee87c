using System.Text.Json;
using Verified.Conformance.ReadPath;
using Verified.Tests.Shared;

namespace Verified.LogQL.Tests;

/// <summary>
/// vectors/loki/logql_string_roundtrip.json (loki ast_test.go): selector identities, Stringer in→out, round-trips, case
/// by case through the runners <c>verified check</c> uses (<see cref="LogQLVectors"/>).
/// </summary>
public sealed class RoundtripVectorTests
{
    private static readonly JsonElement Vectors = SharedVectors.Load("loki/logql_string_roundtrip.json");

    public static TheoryData<string> Selectors() => Data(LogQLVectors.Selectors(Vectors));

    public static TheoryData<string, string> Stringer()
    {
        var data = new TheoryData<string, string>();
        foreach (var (input, output) in LogQLVectors.Stringer(Vectors))
        {
            data.Add(input, output);
        }

        return data;
    }

    public static TheoryData<string> RoundTrips() => Data(LogQLVectors.RoundTrips(Vectors));

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
        LogQLVectors.SelectorMismatch(selector).ShouldBeNull();

    [Theory]
    [MemberData(nameof(Stringer))]
    public void Stringer_PrintsLokisText(string input, string output) =>
        LogQLVectors.StringerMismatch(input, output).ShouldBeNull();

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void SampleExpr_ReparsesToTheSameAst(string query) =>
        LogQLVectors.RoundTripMismatch(query).ShouldBeNull();

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
