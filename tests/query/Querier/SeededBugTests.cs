using Shouldly;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Querier;
using Xunit;
using static Verified.Query.Tests.Querier.QuerierHarness;

namespace Verified.Query.Tests.Querier;

/// <summary>Each seeded querier bug changes a result the correct querier gets right (negative controls for the lead's properties).</summary>
public sealed class SeededBugTests
{
    [Fact]
    public async Task SkipIngesters_HidesUnflushedData()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync("{app=\"a\"}", (now - 1, "unflushed"));
        var request = Request(now - Hour, now);

        (await harness.Querier().SelectLogsAsync(request)).EntryCount.ShouldBe(1);
        (await harness.Querier(QuerierFaults.SkipIngesters).SelectLogsAsync(request)).EntryCount.ShouldBe(0);
    }

    [Fact]
    public async Task NoDedupe_ReturnsEachReplicasCopy()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync("{app=\"a\"}", (now - 1, "replicated"));
        var request = Request(now - Hour, now);

        (await harness.Querier().SelectLogsAsync(request)).EntryCount.ShouldBe(1);
        (await harness.Querier(QuerierFaults.NoDedupe).SelectLogsAsync(request)).EntryCount.ShouldBe(2);
    }

    [Fact]
    public async Task DedupeAcrossStreams_CollapsesEqualEntriesOfDifferentStreams()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync("{app=\"a\"}", (now - 1, "same line"));
        await harness.PushAsync("{app=\"b\"}", (now - 1, "same line"));
        var request = Request(now - Hour, now);

        (await harness.Querier().SelectLogsAsync(request)).Streams.Length.ShouldBe(2);
        (await harness.Querier(QuerierFaults.DedupeAcrossStreams).SelectLogsAsync(request)).Streams.Length.ShouldBe(1);
    }

    [Fact]
    public void MergerFaults_ChangeTheMergeOfTheUpstreamDedupeVector()
    {
        IReadOnlyList<StreamEntry>[] replicas =
        [
            [new("{app=\"a\"}", 1, new(1, "x")), new("{app=\"b\"}", 2, new(1, "x"))],
            [new("{app=\"a\"}", 1, new(1, "x")), new("{app=\"b\"}", 2, new(1, "x"))],
        ];

        EntryMerger.Merge(replicas, Direction.Forward).Entries.Length.ShouldBe(2);
        EntryMerger.Merge(replicas, Direction.Forward, QuerierFaults.NoDedupe).Entries.Length.ShouldBe(4);
        EntryMerger.Merge(replicas, Direction.Forward, QuerierFaults.DedupeAcrossStreams).Entries.Length.ShouldBe(1);
    }
}
