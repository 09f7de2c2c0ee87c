using Spectre.Console;
using Verified.Conformance.Checks;

namespace Verified.Cli.Check;

/// <summary>The human report: one row per requirement, then the failures with how to replay them.</summary>
internal static class TableReport
{
    public static void Write(SuiteReport report, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"verified check — {report.Target}");
        table.AddColumn("Requirement");
        table.AddColumn("Level");
        table.AddColumn("Status");
        table.AddColumn("Checks");
        foreach (var r in report.Requirements)
        {
            var color = r.Status switch
            {
                RequirementStatus.Passed => "green",
                RequirementStatus.Failed => "red",
                RequirementStatus.Skipped => "yellow",
                _ => "grey",
            };
            var checks = r.Checks.IsEmpty ? "-" : string.Join("\n", r.Checks.Select(c => $"{Mark(c.Outcome.Verdict)} {c.Check.Name}"));
            table.AddRow(
                new Markup(Markup.Escape(r.Requirement.Id)),
                new Markup(r.Requirement.Level.ToString().ToUpperInvariant()),
                new Markup($"[{color}]{Markup.Escape(StatusText.Human(r.Status))}[/]"),
                new Markup(Markup.Escape(checks)));
        }

        console.Write(table);
        foreach (var failed in report.Checks.Where(c => c.Outcome.Verdict == Verdict.Failed))
        {
            console.MarkupLine($"[red]FAILED[/] {Markup.Escape(failed.Check.Name)} ({Markup.Escape(string.Join(", ", failed.Check.Requirements))})");
            console.WriteLine("  " + failed.Outcome.Detail.Replace("\n", "\n  ", StringComparison.Ordinal));
            if (failed.Outcome.Replay is { } replay)
            {
                console.WriteLine($"  replay: dotnet run --project src/Cli -- check --only \"{failed.Check.Name}\" {replay}");
            }
        }

        foreach (var skipped in report.Checks.Where(c => c.Outcome.Verdict == Verdict.Skipped))
        {
            console.MarkupLine($"[yellow]skipped[/] {Markup.Escape(skipped.Check.Name)}: {Markup.Escape(skipped.Outcome.Detail)}");
        }

        foreach (var id in report.UnknownRequirementIds)
        {
            console.MarkupLine($"[red]a check cites {Markup.Escape(id)}, which no spec declares[/]");
        }

        console.WriteLine(Summary(report));
    }

    public static string Summary(SuiteReport report)
    {
        int Count(RequirementStatus s) => report.Requirements.Count(r => r.Status == s);
        return $"requirements: {Count(RequirementStatus.Passed)} passed, {Count(RequirementStatus.Failed)} failed, {Count(RequirementStatus.Skipped)} skipped, {Count(RequirementStatus.NotCovered)} not yet covered; "
            + $"checks: {report.Checks.Count(c => c.Outcome.Verdict == Verdict.Passed)}/{report.Checks.Length} passed";
    }

    private static string Mark(Verdict verdict) => verdict switch
    {
        Verdict.Passed => "✓",
        Verdict.Failed => "✗",
        _ => "–",
    };
}
