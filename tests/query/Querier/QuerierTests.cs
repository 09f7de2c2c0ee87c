using Shouldly;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Verified.Reference.Loki.Querier;
using Xunit;
using static Verified.Query.Tests.Querier.QuerierHarness;

namespace Verified.Query.Tests.Querier;

/// <summary>The querier over real ingesters and the store: dedupe across replicas and sources, limit, order, assembly.</summary>
public sealed class QuerierTests
{
    private const string A = "{app=\"a\"}";
    private const string B = "{app=\"b\"}";

    [Fact]
    public async Task ReplicatedEntries_ComeBackOnce_FromTheQuorumOfIngesters()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(A, (now - 3, "x"), (now - 2, "y"), (now - 1, "z"));

        var result = await harness.Querier().SelectLogsAsync(Request(now - Hour, now));

        Flat(result).ShouldBe([(A, now - 3, "x"), (A, now - 2, "y"), (A, now - 1, "z")]);
        result.IngestersAsked.ShouldBe([Address(0), Address(1)]); // 3 healthy, MaxErrors 1: the first two answers
        result.Duplicates.ShouldBe(3);
    }

    [Fact]
    public async Task FlushedAndRetainedEntries_AreDedupedBetweenStoreAndIngesters()
    {
        var harness = await StartAsync(config: IngesterConfig.Default with { ChunkRetainPeriod = TimeSpan.FromHours(1) });
        var now = harness.NowNs;
        await harness.PushAsync(A, (now - 2, "x"), (now - 1, "y"));
        await harness.FlushAllAsync();
        (await harness.Store.ListAsync(Tenant + "/")).ShouldNotBeEmpty();

        var result = await harness.Querier().SelectLogsAsync(Request(now - Hour, now));

        Flat(result).ShouldBe([(A, now - 2, "x"), (A, now - 1, "y")]);
    }

    [Fact]
    public async Task StoreRead_FetchesOnlyTheChunksOfSelectedStreams()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(A, (now - 2, "x"));
        await harness.PushAsync(B, (now - 1, "y"));
        await harness.FlushAllAsync();

        var all = await harness.Querier().SelectLogsAsync(Request(now - Hour, now) with { Matches = _ => true });
        var onlyA = await harness.Querier().SelectLogsAsync(Request(now - Hour, now) with { Matches = labels => labels == A });

        all.ChunksFetched.ShouldBe(2); // one per stream: the replicas cut identical chunks, indexed once
        onlyA.ChunksFetched.ShouldBe(1);
        Flat(onlyA).ShouldBe([(A, now - 2, "x")]);
    }

    [Fact]
    public async Task StoreOnlyRead_MergesReplicaChunksOfAStream()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(A, (now - (5 * Hour), "x"), (now - (5 * Hour) + 1, "y"));
        await harness.PushAsync(A, [new LogEntry(now - (5 * Hour) + 2, "only on two")], to: [0, 1]);
        await harness.FlushAllAsync();

        var result = await harness.Querier(QuerierConfig.Default with { WindowGap = WindowGap.LokiCompatible }).SelectLogsAsync(Request(now - (6 * Hour), now - (4 * Hour)));

        result.Intervals.Ingester.ShouldBeNull();
        Flat(result).Select(e => e.Line).ShouldBe(["x", "y", "only on two"]);
    }

    [Fact]
    public async Task Limit_IsGlobalAcrossStreams_ForwardKeepsTheOldest_StreamsSortedByLabels()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(B, (now - 5, "b5"), (now - 3, "b3"), (now - 1, "b1"));
        await harness.PushAsync(A, (now - 4, "a4"), (now - 2, "a2"));

        var result = await harness.Querier().SelectLogsAsync(Request(now - Hour, now, Direction.Forward, limit: 3));

        result.Streams.Select(s => s.Labels).ShouldBe([A, B]);
        Flat(result).Select(e => e.Line).ShouldBe(["a4", "b5", "b3"]);
    }

    [Fact]
    public async Task Limit_Backward_KeepsTheNewest_EntriesNewestFirst()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(B, (now - 5, "b5"), (now - 3, "b3"), (now - 1, "b1"));
        await harness.PushAsync(A, (now - 4, "a4"), (now - 2, "a2"));

        var result = await harness.Querier().SelectLogsAsync(Request(now - Hour, now, Direction.Backward, limit: 3));

        result.Streams.Select(s => s.Labels).ShouldBe([A, B]);
        Flat(result).Select(e => e.Line).ShouldBe(["a2", "b1", "b3"]);
    }

    [Fact]
    public async Task Range_IsStartInclusive_EndExclusive()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(A, (now - 10, "before"), (now - 9, "start"), (now - 5, "inside"), (now - 4, "end"));

        var result = await harness.Querier().SelectLogsAsync(Request(now - 9, now - 4));

        Flat(result).Select(e => e.Line).ShouldBe(["start", "inside"]);
    }

    [Fact]
    public async Task Matcher_SelectsStreamsByCanonicalLabels()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(A, (now - 2, "a"));
        await harness.PushAsync(B, (now - 1, "b"));

        var result = await harness.Querier().SelectLogsAsync(Request(now - Hour, now, matches: l => l == B));

        Flat(result).ShouldBe([(B, now - 1, "b")]);
    }

    [Fact]
    public async Task SameTimestampAndLine_DifferentStructuredMetadata_BothKept()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(A, [new LogEntry(now - 1, "same", [new Label("trace_id", "aaa")])], to: 0);
        await harness.PushAsync(A, [new LogEntry(now - 1, "same", [new Label("trace_id", "bbb")])], to: 1);

        var result = await harness.Querier().SelectLogsAsync(Request(now - Hour, now));

        result.Streams.Single().Entries.Select(e => e.StructuredMetadata.Single().Value).ShouldBe(["aaa", "bbb"], ignoreOrder: true);
    }

    [Fact]
    public async Task SameTimestampDifferentLines_AreAllKept()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(A, (now - 1, "first"), (now - 1, "second"), (now - 1, "third"));

        var result = await harness.Querier().SelectLogsAsync(Request(now - Hour, now));

        Flat(result).Select(e => e.Line).ShouldBe(["first", "second", "third"]);
    }

    [Fact]
    public async Task OneIngesterDown_IsTolerated_TwoDown_FailTheQuery()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(A, (now - 1, "x"));
        harness.Ingesters[0].Crash();

        var result = await harness.Querier().SelectLogsAsync(Request(now - Hour, now));
        Flat(result).Select(e => e.Line).ShouldBe(["x"]);
        result.IngestersAsked.ShouldBe([Address(1), Address(2)]);

        harness.Ingesters[1].Crash();
        var failure = await Should.ThrowAsync<QuerierException>(() => harness.Querier().SelectLogsAsync(Request(now - Hour, now)));
        failure.StatusCode.ShouldBe(500);
        failure.Message.ShouldBe("the ingester has crashed");
    }

    [Fact]
    public async Task LoneIngesterAnswer_IsNotDeduped_AsInLoki_ButMergingWithTheStoreDedupes()
    {
        var harness = await StartAsync(ingesters: 1, ringConfig: new Reference.Loki.Ring.RingConfig(1, false, 60));
        var now = harness.NowNs;
        var duplicate = new LogEntry(now - 1, "twice");
        var client = new FixedClient([new IngesterQueryStream(A, 1, [duplicate, duplicate])]);
        var ingestersOnly = QuerierConfig.Default with { QueryStoreMaxLookBackNs = -1, WindowGap = WindowGap.LokiCompatible };

        var lone = await harness.Querier(ingestersOnly, client).SelectLogsAsync(Request(now - Hour, now));
        var merged = await harness.Querier(client: client).SelectLogsAsync(Request(now - Hour, now));

        lone.Intervals.Store.ShouldBeNull();
        lone.EntryCount.ShouldBe(2);
        merged.EntryCount.ShouldBe(1);
    }

    private sealed class FixedClient(IReadOnlyList<IngesterQueryStream> streams) : IIngesterQueryClient
    {
        public Task<IReadOnlyList<IngesterQueryStream>> QueryAsync(string address, IngesterQuery query, CancellationToken cancellationToken) =>
            Task.FromResult(streams);
    }
}
