using System.Text.Json;
using Verified.LogQL.Tests.GoLiteral;
using Verified.Reference.Loki.LogQL;
using Verified.Tests.Shared;
using Xunit.Abstractions;

namespace Verified.LogQL.Tests;

/// <summary>
/// All 197 upstream ParseTestCases (loki pkg/logql/syntax parser_test.go, vectors/loki/logql_parser_cases_all.json).
/// Classification is mechanical: a parse case is in the subset when its expected Go AST uses only constructors
/// <see cref="GoAstBuilder"/> models; an error case is in the subset unless its text is an RE2 regex error or the
/// input holds invalid UTF-8 (neither can be reproduced by .NET strings/regexes).
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

    private enum Outcome
    {
        Passed,
        Failed,
        OutOfSubset,
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void UpstreamCase_InSubset_MatchesLoki(int index)
    {
        var (outcome, detail) = Run(Cases[index]);
        output.WriteLine($"case {index}: {outcome} {detail}");
        outcome.ShouldNotBe(Outcome.Failed, detail);
    }

    [Fact]
    public void AllUpstreamCases_PassCountIsReported()
    {
        var results = Cases.EnumerateArray().Select(Run).ToList();
        var inSubset = results.Count(r => r.Outcome != Outcome.OutOfSubset);
        var passed = results.Count(r => r.Outcome == Outcome.Passed);
        output.WriteLine($"logql_parser_cases_all: {passed} passed of {inSubset} in-subset, {results.Count} total ({results.Count - inSubset} out of subset)");
        foreach (var (r, i) in results.Select((r, i) => (r, i)).Where(x => x.r.Outcome == Outcome.OutOfSubset))
        {
            output.WriteLine($"  out of subset: case {i}: {r.Detail}");
        }

        passed.ShouldBe(inSubset);
        results.Count.ShouldBe(197);
    }

    private static (Outcome Outcome, string Detail) Run(JsonElement c)
    {
        var input = c.GetProperty("in").GetString()!;
        if (c.TryGetProperty("err", out var err))
        {
            var expected = err.GetProperty("error_string").GetString()!;
            if (expected.Contains("error parsing regexp", StringComparison.Ordinal) || expected.Contains("invalid UTF-8", StringComparison.Ordinal))
            {
                return (Outcome.OutOfSubset, "error text depends on RE2/invalid UTF-8: " + expected);
            }

            try
            {
                var parsed = LogQLParser.Parse(input);
                return (Outcome.Failed, $"expected error {expected}, parsed {parsed}");
            }
            catch (LogQLParseException e)
            {
                return e.Message == expected ? (Outcome.Passed, expected) : (Outcome.Failed, $"expected «{expected}», got «{e.Message}»");
            }
            catch (LogQLNotSupportedException e)
            {
                return (Outcome.OutOfSubset, e.Message);
            }
        }

        Expr expectedAst;
        try
        {
            expectedAst = GoAstBuilder.Build(c.GetProperty("exp_go").GetString()!);
        }
        catch (OutOfSubsetException e)
        {
            return (Outcome.OutOfSubset, e.Message);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or NullReferenceException or KeyNotFoundException)
        {
            return (Outcome.Failed, "expected-AST builder failed: " + e);
        }

        try
        {
            var actual = LogQLParser.Parse(input);
            return actual == expectedAst ? (Outcome.Passed, actual.ToString()) : (Outcome.Failed, $"AST differs:\n expected {expectedAst}\n actual   {actual}\n expected {Dump(expectedAst)}\n actual   {Dump(actual)}");
        }
        catch (Exception e) when (e is LogQLParseException or LogQLNotSupportedException)
        {
            return (Outcome.Failed, $"{input}: {e.Message}");
        }
    }

    private static string Dump(Expr e) => e switch
    {
        PipelineExpr p => $"PipelineExpr {{ Left = {p.Left.Matchers}, Stages = {p.Stages} }}",
        _ => e.GetType().Name + " " + string.Join(", ", e.GetType().GetProperties().Select(pi => $"{pi.Name}={pi.GetValue(e)}")),
    };
}
