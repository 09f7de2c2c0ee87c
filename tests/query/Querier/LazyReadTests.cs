using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Reference.Loki.Querier;
using Verified.Routing;
using Verified.Tests.Shared;
using Xunit;
using static Verified.Query.Tests.Querier.QuerierHarness;
using LogEntry = Verified.Reference.Loki.Push.LogEntry;

namespace Verified.Query.Tests.Querier;

/// <summary>
/// The querier reads lazily: inputs open only when their first entry could be next, chunk blocks decompress only when
/// reached, and the iteration stops at the limit. The answers must be exactly those of reading everything first.
/// </summary>
public sealed class LazyReadTests
{
    private static readonly (string Labels, ulong Hash)[] Streams = [("{app=\"a\"}", 11), ("{app=\"b\"}", 7), ("{app=\"c\"}", 0)];

    /// <summary>1–5 inputs over 3 streams and 6 timestamps, each with a bound that is its true first timestamp or looser.</summary>
    private static Gen<(Direction Direction, StreamEntry[][] Inputs, int[] Slack)> Cases() =>
        from direction in Gen.Elements(Direction.Forward, Direction.Backward)
        from count in Gen.Choose(1, 5)
        from inputs in Gen.ListOf(Input(direction), count)
        from slack in Gen.ArrayOf(Gen.Choose(0, 2), count)
        select (direction, inputs.ToArray(), slack);

    private static Gen<StreamEntry[]> Input(Direction direction) =>
        from length in Gen.Choose(0, 6)
        from entries in Gen.ListOf(
            from stream in Gen.Elements(Streams)
            from ts in Gen.Choose(0, 5)
            from line in Gen.Elements("x", "y")
            select new StreamEntry(stream.Labels, stream.Hash, new LogEntry(ts, line)),
            length)
        select entries.Order(Comparer<StreamEntry>.Create((a, b) => EntryMerger.Compare(a, b, direction))).ToArray();

    [Fact]
    public void LazyMerge_GivesTheEagerMergesAnswer_WhateverTheBounds() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(TestBudget.MaxTestOr(300)).WithQuietOnSuccess(true), LazyEqualsEager(QuerierFaults.None));

    [Fact]
    public void LazyMergeLaw_CatchesInputsOpenedLate()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true)
            .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(20261125UL, 1442695040888963407UL), Microsoft.FSharp.Core.FSharpOption<int>.None)));
        var failure = Should.Throw<Exception>(() => Check.One(config, LazyEqualsEager(QuerierFaults.OpenDeferredInputsLate)));
        failure.Message.ShouldContain("Falsifiable");
    }

    [Fact]
    public void AnInputWhoseFirstEntryIsNeverReached_IsNeverOpened()
    {
        var opened = new List<int>();
        LazyInput Input(int id, params long[] stamps) => new(stamps[0], () =>
        {
            opened.Add(id);
            return stamps.Select(ts => new StreamEntry("{app=\"a\"}", 1, new LogEntry(ts, $"{id}@{ts}")));
        });

        var merged = EntryMerger.Merge([Input(0, 1, 2, 3), Input(1, 10, 11), Input(2, 3, 4)], Direction.Forward, QuerierFaults.None, new ReadCounters());

        merged.Take(4).Select(e => e.Entry.Line).ShouldBe(["0@1", "0@2", "0@3", "2@3"]);
        opened.ShouldBe([0, 2]); // input 2 opened at the tie on ts 3; input 1 (from ts 10) never
    }

    [Fact]
    public async Task ABackwardQueryWithASmallLimit_DecodesOnlyTheNewestBlocks_AndAnswersAsTheFullRead()
    {
        var config = IngesterConfig.Default with { BlockSize = 1024, TargetChunkSize = 0 };
        var harness = await StartAsync(config: config);
        var now = harness.NowNs;
        var entries = Enumerable.Range(0, 400).Select(i => new LogEntry(now - Hour + (i * Second), $"line {i:000} " + new string('x', 40))).ToList();
        await harness.PushAsync("{app=\"a\"}", entries);
        await harness.FlushAllAsync();
        var querier = harness.Querier(new QuerierConfig { QueryIngestersWithinNs = Second, ChunkBlockSize = 1024, ChunkTargetSize = 0 });

        var everything = await querier.SelectLogsAsync(Request(now - (2 * Hour), now, Direction.Backward, limit: 5000));
        var newest = await querier.SelectLogsAsync(Request(now - (2 * Hour), now, Direction.Backward, limit: 10));

        Flat(newest).ShouldBe(Flat(everything).Take(10));
        everything.BlocksDecoded.ShouldBeGreaterThan(10);
        newest.BlocksDecoded.ShouldBeLessThanOrEqualTo(everything.BlocksDecoded / 10);
    }

    [Fact]
    public async Task ParsedLabelsAndStructuredMetadata_GoIntoTheResultStreamsLabels_AsLokiAnswersWithoutCategorizeLabels()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync("{app=\"a\"}", [
            new LogEntry(now - 3, "level=info msg=one"),
            new LogEntry(now - 2, "level=error msg=two"),
            new LogEntry(now - 1, "plain", [new Label("trace_id", "t1")]),
        ]);

        var logfmt = await harness.Querier().SelectLogsAsync(Pipelined(Request(now - Hour, now), "{app=\"a\"} |= \"level\" | logfmt"));
        var metadata = await harness.Querier().SelectLogsAsync(Pipelined(Request(now - Hour, now), "{app=\"a\"} |= \"plain\""));
        var filterOnly = await harness.Querier().SelectLogsAsync(Pipelined(Request(now - Hour, now), "{app=\"a\"} != \"plain\""));

        logfmt.Streams.Select(s => s.Labels).ShouldBe(["{app=\"a\", level=\"error\", msg=\"two\"}", "{app=\"a\", level=\"info\", msg=\"one\"}"]);
        metadata.Streams.Select(s => s.Labels).ShouldBe(["{app=\"a\", trace_id=\"t1\"}"]);
        filterOnly.Streams.Select(s => s.Labels).ShouldBe(["{app=\"a\"}"]);
        filterOnly.EntryCount.ShouldBe(2);
    }

    private static LogQueryRequest Pipelined(LogQueryRequest request, string query)
    {
        var pipeline = LogPipeline.Compile(LogQLParser.ParseLogSelector(query));
        var options = LokiRouting.Instance.CanonicalLabels;
        return request with
        {
            Matches = labels => pipeline.Selects(CanonicalLabels.Parse(labels, options)),
            Pipeline = (labels, entry) => pipeline.ResultLabels(labels, CanonicalLabels.Parse(labels, options), entry, result => CanonicalLabels.Format(result, options)),
        };
    }

    private static Property LazyEqualsEager(QuerierFaults faults) =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var eager = EntryMerger.Merge(c.Inputs, c.Direction, faults);
            var lazy = c.Inputs.Select((input, i) => new LazyInput(Bound(input, c.Slack[i], c.Direction), () => input)).ToList();
            var counters = new ReadCounters();
            var merged = EntryMerger.Merge(lazy, c.Direction, faults, counters).ToList();
            merged.SequenceEqual(eager.Entries).ShouldBeTrue($"inputs: {string.Join(" | ", c.Inputs.Select(i => string.Join(",", i.Select(e => $"{e.Labels}@{e.Entry.TimestampNs}:{e.Entry.Line}"))))}");
            counters.Duplicates.ShouldBe(eager.Duplicates);
        });

    // The true first timestamp, loosened by the slack (earlier for FORWARD, later for BACKWARD); the far edge when empty.
    private static long Bound(StreamEntry[] input, int slack, Direction direction) => input.Length == 0
        ? (direction == Direction.Forward ? long.MinValue : long.MaxValue)
        : direction == Direction.Forward ? input[0].Entry.TimestampNs - slack : input[0].Entry.TimestampNs + slack;
}
