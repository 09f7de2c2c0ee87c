using Shouldly;
using Verified.Reference.Loki.Querier;
using Xunit;
using static Verified.Query.Tests.Querier.QuerierHarness;

namespace Verified.Query.Tests.Querier;

/// <summary>LOKI.md §8 G1 (loki #8621): an unflushed entry older than query_ingesters_within, and the option that closes it.</summary>
public sealed class WindowGapTests
{
    private static readonly QuerierConfig Compat = QuerierConfig.Default with { WindowGap = WindowGap.LokiCompatible };

    [Fact]
    public async Task FreshStreamFiveHoursOld_IsInvisibleInLokiMode_AndVisibleClosed_AndAfterFlushInBoth()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync("{app=\"old\"}", (now - (5 * Hour), "five hours ago"));
        var request = Request(now - (6 * Hour), now - (4 * Hour));

        (await harness.Querier(Compat).SelectLogsAsync(request)).EntryCount.ShouldBe(0);
        (await harness.Querier().SelectLogsAsync(request)).EntryCount.ShouldBe(1);

        await harness.FlushAllAsync();

        (await harness.Querier(Compat).SelectLogsAsync(request)).EntryCount.ShouldBe(1);
        (await harness.Querier().SelectLogsAsync(request)).EntryCount.ShouldBe(1);
    }

    [Fact]
    public void Routing_LokiModeSendsAnOldRangeToTheStoreOnly_ClosedAsksTheIngestersToo()
    {
        const long now = 100 * Hour;
        var request = Request(now - (6 * Hour), now - (4 * Hour));
        var lokiRoute = new Reference.Loki.Querier.Querier(Compat, Unused()).Route(request, now);
        var closedRoute = new Reference.Loki.Querier.Querier(QuerierConfig.Default, Unused()).Route(request, now);

        lokiRoute.ShouldBe(new QueryIntervals(null, new TimeInterval(now - (6 * Hour), now - (4 * Hour))));
        closedRoute.ShouldBe(new QueryIntervals(new TimeInterval(now - (6 * Hour), now - (4 * Hour)), new TimeInterval(now - (6 * Hour), now - (4 * Hour))));
    }

    [Fact]
    public async Task RecentEntry_IsVisibleInBothModes()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync("{app=\"new\"}", (now - Hour, "an hour ago"));
        var request = Request(now - (2 * Hour), now);

        (await harness.Querier(Compat).SelectLogsAsync(request)).EntryCount.ShouldBe(1);
        (await harness.Querier().SelectLogsAsync(request)).EntryCount.ShouldBe(1);
    }

    private static QuerierDependencies Unused() =>
        new(() => throw new InvalidOperationException("no ring"), new LocalIngesterQueryClient(_ => null), new Reference.Storage.InMemoryObjectStore(), new Reference.Storage.ChunkIndex(new Reference.Storage.InMemoryObjectStore()), new Reference.Simulation.SimulatedClock());
}
