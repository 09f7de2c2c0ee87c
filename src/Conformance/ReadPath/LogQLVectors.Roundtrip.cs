using System.Text.Json;
using Verified.Conformance.Checks;
using Verified.Conformance.Placement;
using Verified.Reference.Loki.LogQL;

namespace Verified.Conformance.ReadPath;

/// <summary>loki/logql_string_roundtrip.json (loki ast_test.go): selector identities, Stringer in→out, round trips.</summary>
public static partial class LogQLVectors
{
    /// <summary>loki/logql_string_roundtrip.json.</summary>
    public const string RoundtripFile = "loki/logql_string_roundtrip.json";

    /// <summary>Selectors print as written, queries print Loki's Stringer text, and printed sample expressions reparse to the same AST.</summary>
    public static CheckOutcome Roundtrip(CheckContext context) => VectorReport.Run(context, RoundtripFile, (root, report) =>
    {
        foreach (var selector in Selectors(root))
        {
            report.Case(selector, () => report.Equal(selector, "printed", (string?)null, SelectorMismatch(selector)));
        }

        foreach (var (input, output) in Stringer(root))
        {
            report.Case(input, () => report.Equal(input, "Stringer", (string?)null, StringerMismatch(input, output)));
        }

        foreach (var query in RoundTrips(root))
        {
            report.Case(query, () => report.Equal(query, "reparsed", (string?)null, RoundTripMismatch(query)));
        }
    });

    /// <summary>Test_logSelectorExpr_String's selectors.</summary>
    internal static IEnumerable<string> Selectors(JsonElement root) =>
        root.GetProperty("Test_logSelectorExpr_String").GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("selector").GetString()!);

    /// <summary>TestStringer's (in, out) pairs.</summary>
    internal static IEnumerable<(string In, string Out)> Stringer(JsonElement root) =>
        root.GetProperty("TestStringer").GetProperty("cases").EnumerateArray().Select(c => (c.GetProperty("in").GetString()!, c.GetProperty("out").GetString()!));

    /// <summary>Test_SampleExpr_String's queries.</summary>
    internal static IEnumerable<string> RoundTrips(JsonElement root) =>
        root.GetProperty("Test_SampleExpr_String").GetProperty("cases").EnumerateArray().Select(c => c.GetString()!);

    /// <summary>Null when <paramref name="selector"/> prints back as written.</summary>
    internal static string? SelectorMismatch(string selector) =>
        LogQLParser.ParseLogSelector(selector).ToString() is var printed && printed == selector ? null : $"printed {printed}";

    /// <summary>Null when <paramref name="input"/> prints as Loki's Stringer does (<paramref name="output"/>).</summary>
    internal static string? StringerMismatch(string input, string output) =>
        LogQLParser.Parse(input).ToString() is var printed && printed == output ? null : $"expected {output}, printed {printed}";

    /// <summary>Null when <paramref name="query"/>'s printed text reparses to the same AST.</summary>
    internal static string? RoundTripMismatch(string query)
    {
        var first = LogQLParser.Parse(query);
        var again = LogQLParser.Parse(first.ToString());
        return again == first ? null : $"printed {first}, reparsed {again}";
    }
}
