using System.Text.Json;
using Verified.Conformance.ReadPath;
using Verified.Tests.Shared;

namespace Verified.LogQL.Tests;

/// <summary>
/// vectors/loki/logql_parser_curated.json: 15 parses (hand-normalised JSON AST) and 13 exact error strings, case by case,
/// through the runners <c>verified check</c> uses (<see cref="LogQLVectors"/>).
/// </summary>
public sealed class CuratedVectorTests
{
    private static readonly JsonElement Curated = SharedVectors.Load("loki/logql_parser_curated.json");

    public static TheoryData<int> ParseIndexes() => Range(Curated.GetProperty("cases").GetArrayLength());

    public static TheoryData<int> ErrorIndexes() => Range(Curated.GetProperty("errors").GetArrayLength());

    [Fact]
    public void CuratedFile_HasFifteenParsesAndThirteenErrors()
    {
        Curated.GetProperty("cases").GetArrayLength().ShouldBe(15);
        Curated.GetProperty("errors").GetArrayLength().ShouldBe(13);
    }

    [Theory]
    [MemberData(nameof(ParseIndexes))]
    public void CuratedParse_MatchesNormalisedAst(int index) =>
        LogQLVectors.CuratedParseMismatch(Curated.GetProperty("cases"), index).ShouldBeNull();

    [Theory]
    [MemberData(nameof(ErrorIndexes))]
    public void CuratedError_HasLokisExactText(int index) =>
        LogQLVectors.CuratedErrorMismatch(Curated.GetProperty("errors")[index]).ShouldBeNull();

    private static TheoryData<int> Range(int n)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < n; i++)
        {
            data.Add(i);
        }

        return data;
    }
}
