using System.Text.Json;
using Verified.Conformance.ReadPath;
using Verified.Tests.Shared;
using Xunit.Abstractions;

namespace Verified.LogQL.Tests;

/// <summary>
/// All 197 upstream ParseTestCases (loki pkg/logql/syntax parser_test.go, vectors/loki/logql_parser_cases_all.json).
/// The runner and its subset classification are <see cref="LogQLVectors.RunUpstreamCase"/> (src/Conformance), which
/// <c>verified check</c> runs too.
/// </summary>
public sealed class ParserCasesAllTests(ITestOutputHelper output)
{
    private static readonly JsonElement Cases = SharedVectors.Load("loki/logql_parser_cases_all.json").GetProperty("cases");

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Cases.GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void UpstreamCase_InSubset_MatchesLoki(int index)
    {
        var (outcome, detail) = LogQLVectors.RunUpstreamCase(Cases[index]);
        output.WriteLine($"case {index}: {outcome} {detail}");
        outcome.ShouldNotBe(ParserCaseOutcome.Failed, detail);
    }

    [Fact]
    public void AllUpstreamCases_PassCountIsReported()
    {
        var results = Cases.EnumerateArray().Select(LogQLVectors.RunUpstreamCase).ToList();
        var inSubset = results.Count(r => r.Outcome != ParserCaseOutcome.OutOfSubset);
        var passed = results.Count(r => r.Outcome == ParserCaseOutcome.Passed);
        output.WriteLine($"logql_parser_cases_all: {passed} passed of {inSubset} in-subset, {results.Count} total ({results.Count - inSubset} out of subset)");
        foreach (var (r, i) in results.Select((r, i) => (r, i)).Where(x => x.r.Outcome == ParserCaseOutcome.OutOfSubset))
        {
            output.WriteLine($"  out of subset: case {i}: {r.Detail}");
        }

        passed.ShouldBe(inSubset);
        results.Count.ShouldBe(197);
    }
}
