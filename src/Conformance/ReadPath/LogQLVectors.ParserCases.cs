using System.Text.Json;
using Verified.Conformance.Checks;
using Verified.Conformance.Placement;
using Verified.Conformance.ReadPath.GoLiteral;
using Verified.Reference.Loki.LogQL;

namespace Verified.Conformance.ReadPath;

/// <summary>The LogQL gold vectors (LOKI-READ-6): one runner per file, shared by <c>verified check</c> and tests/logql.</summary>
public static partial class LogQLVectors
{
    /// <summary>loki/logql_parser_cases_all.json: the 197 upstream ParseTestCases.</summary>
    public const string ParserCasesFile = "loki/logql_parser_cases_all.json";

    /// <summary>Every in-subset upstream parser case parses to the expected AST or fails with Loki's exact text.</summary>
    public static CheckOutcome ParserCases(CheckContext context) => VectorReport.Run(context, ParserCasesFile, (root, report) =>
    {
        var outOfSubset = 0;
        var index = 0;
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var (outcome, detail) = RunUpstreamCase(c);
            var name = $"case {index++} {c.GetProperty("in").GetString()}";
            if (outcome == ParserCaseOutcome.OutOfSubset)
            {
                outOfSubset++;
                continue;
            }

            report.Equal(name, "parse", "as Loki", outcome == ParserCaseOutcome.Passed ? "as Loki" : detail);
        }

        report.Note($"{outOfSubset} of {index} cases outside the subset (RE2 error texts, invalid UTF-8, unmodelled constructors)");
    });

    /// <summary>
    /// One upstream case (loki pkg/logql/syntax parser_test.go). Classification is mechanical: a parse case is in the
    /// subset when its expected Go AST uses only constructors <see cref="GoAstBuilder"/> models; an error case is in the
    /// subset unless its text is an RE2 regex error or the input holds invalid UTF-8 (neither reproducible in .NET).
    /// </summary>
    internal static (ParserCaseOutcome Outcome, string Detail) RunUpstreamCase(JsonElement c)
    {
        var input = c.GetProperty("in").GetString()!;
        if (c.TryGetProperty("err", out var err))
        {
            var expected = err.GetProperty("error_string").GetString()!;
            if (expected.Contains("error parsing regexp", StringComparison.Ordinal) || expected.Contains("invalid UTF-8", StringComparison.Ordinal))
            {
                return (ParserCaseOutcome.OutOfSubset, "error text depends on RE2/invalid UTF-8: " + expected);
            }

            try
            {
                var parsed = LogQLParser.Parse(input);
                return (ParserCaseOutcome.Failed, $"expected error {expected}, parsed {parsed}");
            }
            catch (LogQLParseException e)
            {
                return e.Message == expected ? (ParserCaseOutcome.Passed, expected) : (ParserCaseOutcome.Failed, $"expected «{expected}», got «{e.Message}»");
            }
            catch (LogQLNotSupportedException e)
            {
                return (ParserCaseOutcome.OutOfSubset, e.Message);
            }
        }

        Expr expectedAst;
        try
        {
            expectedAst = GoAstBuilder.Build(c.GetProperty("exp_go").GetString()!);
        }
        catch (OutOfSubsetException e)
        {
            return (ParserCaseOutcome.OutOfSubset, e.Message);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or NullReferenceException or KeyNotFoundException)
        {
            return (ParserCaseOutcome.Failed, "expected-AST builder failed: " + e);
        }

        try
        {
            var actual = LogQLParser.Parse(input);
            return actual == expectedAst
                ? (ParserCaseOutcome.Passed, actual.ToString())
                : (ParserCaseOutcome.Failed, $"AST differs:\n expected {expectedAst}\n actual   {actual}\n expected {Dump(expectedAst)}\n actual   {Dump(actual)}");
        }
        catch (Exception e) when (e is LogQLParseException or LogQLNotSupportedException)
        {
            return (ParserCaseOutcome.Failed, $"{input}: {e.Message}");
        }
    }

    private static string Dump(Expr e) => e switch
    {
        PipelineExpr p => $"PipelineExpr {{ Left = {p.Left.Matchers}, Stages = {p.Stages} }}",
        _ => e.GetType().Name + " " + string.Join(", ", e.GetType().GetProperties().Select(pi => $"{pi.Name}={pi.GetValue(e)}")),
    };
}
