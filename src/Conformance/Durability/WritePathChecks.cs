using FsCheck.Experimental;
using System.Text.RegularExpressions;
using Verified.Conformance.Checks;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.Durability;

/// <summary>The write-path checks <c>verified check</c> runs (LOKI-DUR-n, LOKI-VAL-n, LOKI-PLACE-3 end to end).</summary>
public static partial class WritePathChecks
{
    private const string Tenant = "tenant-v";

    /// <summary>All write-path checks, run against a simulated 3-ingester cluster with the target's Loki spec.</summary>
    public static IEnumerable<ConformanceCheck> All() =>
    [
        ConformanceCheck.Create(
            "Acknowledged entries survive crashes, restarts with WAL replay, flushes and store failures",
            ctx => PropertyRunner.Run(DurabilityProperties.AcknowledgedEntriesSurvive(Options(ctx)), ctx),
            "LOKI-DUR-1", "LOKI-DUR-2", "LOKI-DUR-3", "LOKI-DUR-5", "LOKI-DUR-6", "LOKI-DUR-9"),
        ConformanceCheck.Create(
            "The write path behaves as its model (answers and readable entries after every step)",
            ctx => PropertyRunner.Run(new WritePathMachine(Options(ctx)).ToProperty(), ctx),
            "LOKI-DUR-1", "LOKI-DUR-2", "LOKI-VAL-6"),
        ConformanceCheck.Create(
            "Streams live only on the ingesters that own their canonical token",
            ctx => PropertyRunner.Run(PlacementOnWritePath.StreamsLiveOnlyOnTheirOwners(Options(ctx)), ctx),
            "LOKI-PLACE-3"),
        ConformanceCheck.Create(
            "Malformed pushes get Loki's codes and texts; valid streams of the request are written, nothing invalid stored",
            ctx => Validation(Options(ctx)),
            "LOKI-VAL-1", "LOKI-VAL-2", "LOKI-VAL-3", "LOKI-VAL-4", "LOKI-VAL-5"),
        ConformanceCheck.Create(
            "Replicas cut identical chunks, stored once under tenant/fp/from:through:crc32c",
            ctx => Chunks(Options(ctx)),
            "LOKI-DUR-7", "LOKI-DUR-8"),
    ];

    private static LokiClusterOptions Options(CheckContext context) => new() { Spec = context.Target.Loki };

    /// <summary>
    /// Malformed input through the whole path; expectations written from LOKI.md §3's templates and dskit's tenant rule,
    /// not from the reference's own message code.
    /// </summary>
    public static CheckOutcome Validation(LokiClusterOptions options)
    {
        var harness = new WritePathHarness(options, seed: 1);
        var now = harness.NowNs;
        var problems = new List<string>();

        void Expect(string what, PushRequest request, int status, params string[] fragments)
        {
            var response = harness.Push(request);
            if (response.StatusCode != status || fragments.Any(f => !response.Body.Contains(f, StringComparison.Ordinal)))
            {
                problems.Add($"{what}: got {response.StatusCode} '{response.Body}', expected {status} containing {string.Join(" / ", fragments)}");
            }
        }

        PushStream Stream(string labels, params LogEntry[] entries) => new(labels, [.. entries]);
        var ok = new LogEntry(now, "fine");

        Expect("no tenant", new PushRequest(string.Empty, [Stream("{app=\"a\"}", ok)]), 401, "no org id");
        Expect("hostile tenant", new PushRequest("../etc", [Stream("{app=\"a\"}", ok)]), 400, "tenant ID '../etc' contains unsupported character '/'");
        Expect("no streams", new PushRequest(Tenant, []), 422, "error at least one valid stream is required for ingestion");
        Expect("unparsable labels", new PushRequest(Tenant, [Stream("{app=\"ok\"}", ok), Stream("{a=b}", ok)]), 400, "couldn't parse labels: 1:4: parse error: unexpected identifier \"b\" in label set, expected string");
        var sixteen = "{" + string.Join(", ", Enumerable.Range(0, 16).Select(i => $"l{i:00}=\"v\"")) + "}";
        var tooOld = now - (8L * 24 * 3600 * 1_000_000_000);
        var tooNew = now + (11L * 60 * 1_000_000_000);
        Expect(
            "mixed request",
            new PushRequest(Tenant, [
                Stream("{app=\"valid\"}", new LogEntry(now, "kept")),
                Stream(sixteen, ok),
                Stream("{app=\"old\"}", new LogEntry(tooOld, "old")),
                Stream("{app=\"new\"}", new LogEntry(tooNew, "new")),
                Stream("{app=\"long\"}", new LogEntry(now, new string('x', (256 * 1024) + 1))),
                Stream("{" + new string('n', 1025) + "=\"v\"}", ok),
                Stream("{app=\"" + new string('v', 2049) + "\"}", ok),
            ]),
            400,
            "has 16 label names; limit 15",
            "has timestamp too old:",
            "has timestamp too new: 2026-11-25T00:11:00Z",
            "max entry size '262144' bytes exceeded for stream",
            "while adding an entry with length '262145' bytes",
            "has label name too long:",
            "has label value too long:",
            "; ");
        var lines = Enumerable.Range(0, 30).Select(i => new LogEntry(now + i, new string('r', 256 * 1024))).ToArray();
        Expect("over the rate", new PushRequest("tenant-rate", [Stream("{app=\"rate\"}", lines)]), 429, "ingestion rate limit exceeded for user tenant-rate (limit: 4194304 bytes/sec) while attempting to ingest '30' lines");

        var found = harness.ReadAll();
        if (!found.Any(e => e.Entry.Line == "kept"))
        {
            problems.Add("the valid stream of the mixed request was not written");
        }

        var stored = found.Where(e => e.Entry.Line is "old" or "new" || e.Entry.Line.StartsWith('x') || e.Entry.Line.StartsWith('r') || e.Tenant != Tenant).ToList();
        if (stored.Count > 0)
        {
            problems.Add($"invalid or rejected entries were stored: {string.Join(", ", stored.Take(3).Select(e => $"{e.Tenant} {e.Labels}"))}");
        }

        return problems.Count == 0 ? CheckOutcome.Pass("8 malformed pushes") : CheckOutcome.Fail(string.Join("\n", problems));
    }

    /// <summary>Three replicas fed the same entries flush identical chunks: one object per stream, a well-formed key, a verified CRC.</summary>
    public static CheckOutcome Chunks(LokiClusterOptions options)
    {
        var harness = new WritePathHarness(options, seed: 2);
        var now = harness.NowNs;
        string[] streams = ["{app=\"a\"}", "{app=\"b\", env=\"x\"}"];
        foreach (var labels in streams)
        {
            harness.Push(new PushRequest(Tenant, [new PushStream(labels, [.. Enumerable.Range(0, 50).Select(i => new LogEntry(now + (i * 1_000_000L), $"{labels} line {i}"))])]));
        }

        harness.Flush(0);
        var keys = Task.Run(() => harness.Cluster.Store.ListAsync(Tenant + "/")).GetAwaiter().GetResult();
        var problems = new List<string>();
        if (keys.Count != streams.Length)
        {
            problems.Add($"{keys.Count} chunk objects for {streams.Length} streams on 3 replicas: {string.Join(", ", keys)}");
        }

        problems.AddRange(keys.Where(k => !ChunkKeyShape().IsMatch(k)).Select(k => $"chunk key '{k}' is not tenant/fp/from:through:checksum in lowercase hex"));
        var found = harness.ReadAll();
        if (found.Count != 100)
        {
            problems.Add($"{found.Count} entries readable after the flush, expected 100");
        }

        return problems.Count == 0 ? CheckOutcome.Pass($"{keys.Count} chunks") : CheckOutcome.Fail(string.Join("\n", problems));
    }

    [GeneratedRegex("^tenant-v/[0-9a-f]+/[0-9a-f]+:[0-9a-f]+:[0-9a-f]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ChunkKeyShape();
}
