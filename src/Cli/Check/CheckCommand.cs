using Spectre.Console;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Routing;

namespace Verified.Cli.Check;

/// <summary>
/// <c>verified check</c>: runs the conformance suite against the embedded reference and reports, per requirement,
/// passed / failed / skipped / not yet covered. Exit 0 when nothing failed, 1 otherwise.
/// </summary>
internal static class CheckCommand
{
    public static int Run(CheckOptions options, TextWriter stdout, TextWriter stderr, PlacementTarget? target = null)
    {
        var vectors = VectorsLocator.Find(options.Vectors);
        target ??= PlacementTarget.Reference;
        if (options.LokiSpec is not null || options.ElasticsearchSpec is not null)
        {
            var loki = options.LokiSpec is null ? target.Loki : Find<ITokenRingSpec>(options.LokiSpec, "--loki-spec", stderr);
            var elasticsearch = options.ElasticsearchSpec is null ? target.Elasticsearch : Find<IShardFormulaSpec>(options.ElasticsearchSpec, "--es-spec", stderr);
            if (loki is null || elasticsearch is null)
            {
                return 2;
            }

            target = target with { Name = $"{loki.Id} + {elasticsearch.Id}", Loki = loki, Elasticsearch = elasticsearch };
        }

        var context = new CheckContext(target, vectors, options.MaxTest, options.Replay);
        var checks = ConformanceSuite.All.Where(c => options.Only is null || c.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (checks.Count == 0 && options.Only is not null)
        {
            stderr.WriteLine($"no check name contains '{options.Only}'");
            return 2;
        }

        var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        stderr.WriteLine(vectors is null
            ? "gold vectors: not found (pass --vectors DIR or set VERIFIED_VECTORS); vector checks will be skipped"
            : $"gold vectors: {vectors}");
        SuiteReport report;
        if (progressConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected)
        {
            report = null!;
            progressConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("checking", maxValue: checks.Count);
                report = SuiteRunner.Run(checks, context, SpecCatalog.Requirements, result =>
                {
                    task.Description = Markup.Escape(result.Check.Name);
                    task.Increment(1);
                });
            });
        }
        else
        {
            var done = 0;
            report = SuiteRunner.Run(checks, context, SpecCatalog.Requirements, result =>
                stderr.WriteLine($"[{++done}/{checks.Count}] {result.Outcome.Verdict.ToString().ToLowerInvariant(),-7} {result.Check.Name} ({result.Elapsed.TotalMilliseconds:0} ms)"));
        }

        Write(report, options, stdout);
        return report.Failed ? 1 : 0;
    }

    private static T? Find<T>(string id, string option, TextWriter stderr)
        where T : class, IRoutingSpec
    {
        var candidates = SpecCatalog.All.OfType<T>().Select(s => s.Id).ToList();
        if (SpecCatalog.Find(id) is T spec)
        {
            return spec;
        }

        stderr.WriteLine($"{option}: no spec '{id}' of that kind; choose one of: {string.Join(", ", candidates)}");
        return null;
    }

    private static void Write(SuiteReport report, CheckOptions options, TextWriter stdout)
    {
        if (options.Output is { } path)
        {
            using var file = File.Create(path);
            WriteTo(report, options.Format, file, null);
            stdout.WriteLine($"{TableReport.Summary(report)}; report written to {path}");
            return;
        }

        if (options.Format == ReportFormat.Table)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
            if (Console.IsOutputRedirected)
            {
                // A log or a pipe has no width; do not wrap the table at 80 columns.
                console.Profile.Width = 160;
            }

            TableReport.Write(report, console);
            return;
        }

        using var stream = new MemoryStream();
        WriteTo(report, options.Format, stream, null);
        stdout.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        stdout.WriteLine();
    }

    private static void WriteTo(SuiteReport report, ReportFormat format, Stream stream, IAnsiConsole? console)
    {
        switch (format)
        {
            case ReportFormat.Json:
                JsonReport.Write(report, stream);
                break;
            case ReportFormat.Junit:
                JunitReport.Write(report, stream);
                break;
            default:
                using (var writer = new StreamWriter(stream, leaveOpen: true))
                {
                    TableReport.Write(report, console ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors }));
                }

                break;
        }
    }
}
