using System.CommandLine;
using Verified.Cli.Check;
using Verified.Cli.Oracle;

var format = new Option<ReportFormat>("--format") { Description = "Report format: table, json or junit.", DefaultValueFactory = _ => ReportFormat.Table };
var output = new Option<string?>("--output") { Description = "Write the report to this file instead of stdout." };
var vectors = new Option<string?>("--vectors") { Description = "The gold vectors directory (default: VERIFIED_VECTORS, else the nearest shared/vectors)." };
var maxTest = new Option<int>("--max-test") { Description = "FsCheck cases per property (default: VERIFIED_MAXTEST or 100).", DefaultValueFactory = _ => int.TryParse(Environment.GetEnvironmentVariable("VERIFIED_MAXTEST"), out var n) && n > 0 ? n : 100 };
var replay = new Option<string?>("--replay") { Description = "Replay an FsCheck counterexample: the \"(seed1,seed2)\" a failure printed." };
var only = new Option<string?>("--only") { Description = "Run only the checks whose name contains this text." };
var lokiSpec = new Option<string?>("--loki-spec") { Description = "Check this token-ring spec instead of 'loki' (a variant, or a mutant to watch a seeded bug get caught)." };
var esSpec = new Option<string?>("--es-spec") { Description = "Check this shard-formula spec instead of 'elasticsearch'." };
maxTest.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 1)
    {
        result.AddError("--max-test must be at least 1");
    }
});

var check = new Command("check", "Run the conformance suite against the embedded reference and report per requirement.")
{
    format, output, vectors, maxTest, replay, only, lokiSpec, esSpec,
};
check.SetAction(parse => CheckCommand.Run(
    new CheckOptions(parse.GetValue(format), parse.GetValue(output), parse.GetValue(vectors), parse.GetValue(maxTest), parse.GetValue(replay), parse.GetValue(only), parse.GetValue(lokiSpec), parse.GetValue(esSpec)),
    Console.Out,
    Console.Error));

var oracle = new Command("oracle", "Answer JSONL questions about the spec on stdin, one JSON object per line on stdout (docs/oracle.md).");
oracle.SetAction(_ => OracleCommand.Run());

var root = new RootCommand("Verified: a conformance oracle for the Loki and Elasticsearch write and read paths.") { check, oracle };
return root.Parse(args).Invoke();
