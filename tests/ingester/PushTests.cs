using System.Collections.Immutable;
using Shouldly;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>The ingester's push: dedupe, the window, error bodies, the stream limit, the last-stream flaw.</summary>
public sealed class PushTests
{
    private const long Second = 1_000_000_000L;
    private const string A = "{app=\"a\"}";
    private const string B = "{app=\"b\"}";
    private static readonly long T = IngesterHarness.BaseNs;

    [Fact]
    [Trait("Requirement", "LOKI-VAL-6")]
    public async Task ExactDuplicateOfTheLastLine_IsSkippedSilently_AndNotCounted()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        (await harness.PushAsync(A, (T, "x"))).StatusCode.ShouldBe(200);
        (await harness.PushAsync(A, (T, "x"), (T, "x"))).StatusCode.ShouldBe(200);
        harness.Current.FindStream(IngesterHarness.Tenant, A)!.EntryCount.ShouldBe(1);
        (await harness.InMemoryAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task SameTimestamp_DifferentLines_AreAllKeptInArrivalOrder()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        await harness.PushAsync(A, (T, "b"), (T, "a"), (T, "c"));
        (await harness.InMemoryAsync()).Select(x => x.Entry.Line).ShouldBe(["b", "a", "c"]);
    }

    [Fact]
    public async Task SameLineDifferentMetadata_PassesTheLastLineCheck_ButTheHeadBlockComparesLinesOnly()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        var first = new LogEntry(T, "x", [new Label("trace_id", "1")]);
        var second = new LogEntry(T, "x", [new Label("trace_id", "2")]);
        await harness.Current.PushAsync(new IngesterPushRequest(IngesterHarness.Tenant, [new IngesterStream(A, 0, [first, second])]));
        var stream = harness.Current.FindStream(IngesterHarness.Tenant, A)!;
        stream.EntryCount.ShouldBe(2); // appended (and written to the WAL) ...
        (await harness.InMemoryAsync()).Select(x => x.Entry).ShouldBe([first]); // ... but dropped by the head block
    }

    [Fact]
    [Trait("Requirement", "LOKI-VAL-6")]
    public async Task Window_AcceptsExactlyTheCutoff_AndRefusesOneNanosecondLess()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        var highest = T + (3 * 3600 * Second);
        await harness.PushAsync(A, (highest, "top"));
        var cutoff = highest - (3600 * Second);
        (await harness.PushAsync(A, (cutoff, "at the cutoff"))).StatusCode.ShouldBe(200);
        var refused = await harness.PushAsync(A, (cutoff - 1, "just behind"));
        refused.StatusCode.ShouldBe(400);
        refused.Body.ShouldBe(
            $"entry with timestamp {GoTime.String(cutoff - 1)} ignored, reason: 'entry too far behind, entry timestamp is: {GoTime.Rfc3339(cutoff - 1)}, oldest acceptable timestamp is: {GoTime.Rfc3339(cutoff)}',\n" +
            "user 'fake', total ignored: 1 out of 1 for stream: {app=\"a\"}");
    }

    [Fact]
    [Trait("Requirement", "LOKI-VAL-6")]
    public async Task WindowRejection_StoresTheValidEntriesOfTheSamePush_AndUsesEarlierEntriesOfThatPush()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        var response = await harness.PushAsync(A, (T, "old"), (T + (2 * 3600 * Second), "new"), (T + Second, "now too far behind"), (T + (2 * 3600 * Second) + 1, "fine"));
        response.StatusCode.ShouldBe(400);
        response.Body.ShouldEndWith("total ignored: 1 out of 4 for stream: {app=\"a\"}");
        (await harness.InMemoryAsync()).Select(x => x.Entry.Line).ShouldBe(["old", "new", "fine"]);
    }

    [Fact]
    [Trait("Requirement", "LOKI-VAL-6")]
    public async Task LokiCompat_AnswersWithTheLastStream_SoALaterSuccessMasksAnEarlierRejection()
    {
        var compat = new IngesterHarness();
        await compat.StartAsync();
        var strict = new IngesterHarness(IngesterConfig.Default with { Compat = Compat.Strict });
        await strict.StartAsync();
        foreach (var h in new[] { compat, strict })
        {
            await h.PushAsync(A, (T + (2 * 3600 * Second), "top"));
        }

        var request = new IngesterPushRequest(IngesterHarness.Tenant, [
            IngesterHarness.Stream(IngesterHarness.Tenant, A, (T, "too far behind")),
            IngesterHarness.Stream(IngesterHarness.Tenant, B, (T, "fine")),
        ]);
        (await compat.Current.PushAsync(request)).StatusCode.ShouldBe(200);
        (await strict.Current.PushAsync(request)).StatusCode.ShouldBe(400);
        (await compat.InMemoryAsync()).Select(x => x.Entry.Line).ShouldBe(["top", "fine"]);
    }

    [Fact]
    [Trait("Requirement", "LOKI-VAL-4")]
    public async Task StreamLimit_IsGlobalOverHealthyIngestersTimesRf_AndRefusesOnlyNewStreams()
    {
        var harness = new IngesterHarness(IngesterConfig.Default with { MaxGlobalStreamsPerUser = 2 }) { HealthyIngesters = () => 3 };
        await harness.StartAsync();
        (await harness.PushAsync(A, (T, "1"))).StatusCode.ShouldBe(200);
        (await harness.PushAsync(B, (T, "2"))).StatusCode.ShouldBe(200); // floor(2 / 3 × 3) = 2 streams
        var refused = await harness.PushAsync("{app=\"c\"}", (T, "3"));
        refused.StatusCode.ShouldBe(429);
        refused.Body.ShouldBe("maximum active stream limit exceeded when trying to create stream {app=\"c\"}, reduce the number of active streams (reduce labels or reduce label values), or contact your Loki administrator to see if the limit can be increased, user: 'fake'");
        (await harness.PushAsync(A, (T + 1, "existing streams still take entries"))).StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task LabelsThatDoNotParse_Get400WithTheParserText()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        var response = await harness.PushAsync("{ab\"", (T, "x"));
        response.StatusCode.ShouldBe(400);
        response.Body.ShouldStartWith("1:");
    }

    [Fact]
    public async Task NonCanonicalLabels_LandInTheCanonicalStream()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        await harness.PushAsync("{b=\"2\", a=\"1\"}", (T, "x"));
        await harness.PushAsync("{a=\"1\", b=\"2\"}", (T + 1, "y"));
        (await harness.InMemoryAsync()).Select(x => x.Labels).Distinct().ShouldBe(["{a=\"1\", b=\"2\"}"]);
    }

    [Fact]
    public void FingerprintCollision_IsRemappedPerTenant()
    {
        var tenant = new TenantStreams("fake");
        var config = IngesterConfig.Default;
        var first = new LogStream("fake", A, LabelSet.Empty, tenant.MapFingerprint(77), 0, config, Routing.LokiRouting.ChunkLifecycle, IngesterFaults.None);
        tenant.Add(first);
        var second = new LogStream("fake", B, LabelSet.Empty, tenant.MapFingerprint(77), 0, config, Routing.LokiRouting.ChunkLifecycle, IngesterFaults.None);
        tenant.Add(second);
        first.Fingerprint.ShouldBe(77UL);
        second.Fingerprint.ShouldBe(1UL);
        new TenantStreams("other").MapFingerprint(77).ShouldBe(77UL);
    }

    [Fact]
    public async Task Pushes_AreRefusedBeforeStart_AndWhileStopping()
    {
        var harness = new IngesterHarness();
        var ingester = new Reference.Loki.Ingester.Ingester(IngesterConfig.Default, new IngesterDependencies(harness.Disk, harness.Store, new Reference.Storage.ChunkIndex(harness.Store), harness.Clock, new Random(1)));
        var early = await ingester.PushAsync(IngesterHarness.Request(A, (T, "x")));
        early.StatusCode.ShouldBe(503);
        early.Body.ShouldBe("ingester is not ready: NEW");
        await ingester.StartAsync();
        (await ingester.PushAsync(IngesterHarness.Request(A, (T, "x")))).StatusCode.ShouldBe(200);
        await ingester.StopAsync();
        var late = await ingester.PushAsync(IngesterHarness.Request(A, (T, "y")));
        late.ShouldBe(new IngesterPushResponse(500, "Ingester is shutting down"));
    }

    [Fact]
    public async Task WalDiskOverNinetyPercentFull_AnswersShuttingDown()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        harness.Disk.Capacity = 1000;
        await harness.Disk.WriteAsync("filler", new byte[901]);
        (await harness.PushAsync(A, (T, "x"))).ShouldBe(new IngesterPushResponse(500, IngesterErrors.ShuttingDown));
    }

    [Fact]
    public async Task EmptyRequest_Succeeds()
    {
        var harness = new IngesterHarness();
        await harness.StartAsync();
        (await harness.Current.PushAsync(new IngesterPushRequest(IngesterHarness.Tenant, ImmutableArray<IngesterStream>.Empty))).IsSuccess.ShouldBeTrue();
    }
}
