using Shouldly;
using Verified.Reference.Loki.Querier;
using Xunit;
using static Verified.Query.Tests.Querier.QuerierHarness;

namespace Verified.Query.Tests.Querier;

/// <summary>Refused and failed queries, with Loki's texts (LOKI.md §6 Query limits, §7, §2 read set).</summary>
public sealed class QuerierErrorTests
{
    [Fact]
    public async Task LimitAboveMaxEntries_IsRefusedWithLokisText()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        var error = await Should.ThrowAsync<QuerierException>(() => harness.Querier().SelectLogsAsync(Request(now - Hour, now, limit: 5001)));
        error.StatusCode.ShouldBe(400);
        error.Message.ShouldBe("max entries limit per query exceeded, limit > max_entries_limit_per_query (5001 > 5000)");
        (await harness.Querier().SelectLogsAsync(Request(now - Hour, now, limit: 5000))).EntryCount.ShouldBe(0);
    }

    [Fact]
    public async Task MaxEntriesZero_TurnsTheCheckOff()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        var querier = harness.Querier(QuerierConfig.Default with { MaxEntriesLimitPerQuery = 0 });
        (await querier.SelectLogsAsync(Request(now - Hour, now, limit: 1_000_000))).EntryCount.ShouldBe(0);
    }

    [Fact]
    public async Task RangeLongerThan721h_IsRefused_LengthAsGoDuration_LimitAsPrometheusDuration()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        var error = await Should.ThrowAsync<QuerierException>(() => harness.Querier().SelectLogsAsync(Request(now - (722 * Hour), now)));
        error.StatusCode.ShouldBe(400);
        error.Message.ShouldBe("the query time range exceeds the limit (query length: 722h0m0s, limit: 30d1h)");
        (await harness.Querier().SelectLogsAsync(Request(now - (721 * Hour), now))).EntryCount.ShouldBe(0);
    }

    [Fact]
    public async Task NonPositiveLimit_AndEndNotAfterStart_AreRefused()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        (await Should.ThrowAsync<QuerierException>(() => harness.Querier().SelectLogsAsync(Request(now - Hour, now, limit: 0)))).Message.ShouldBe("limit must be a positive value");
        (await Should.ThrowAsync<QuerierException>(() => harness.Querier().SelectLogsAsync(Request(now, now)))).Message.ShouldBe("end timestamp must not be before or equal to start time");
    }

    [Fact]
    public async Task EmptyOrInvalidTenant_IsRefused()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        (await Should.ThrowAsync<QuerierException>(() => harness.Querier().SelectLogsAsync(Request(now - Hour, now, tenant: string.Empty)))).StatusCode.ShouldBe(401);
        var unsafeTenant = await Should.ThrowAsync<QuerierException>(() => harness.Querier().SelectLogsAsync(Request(now - Hour, now, tenant: "..")));
        unsafeTenant.StatusCode.ShouldBe(400);
        unsafeTenant.Message.ShouldBe("tenant ID is '.' or '..'");
    }

    [Fact]
    public async Task TwoStaleInstancesOfFive_FailTheRead_WithDskitsText()
    {
        var harness = await StartAsync(ingesters: 5);
        harness.Ring = harness.MakeRing([0, 0, 0, 61, 61]);
        var now = harness.NowNs;

        var error = await Should.ThrowAsync<QuerierException>(() => harness.Querier().SelectLogsAsync(Request(now - Hour, now)));

        error.StatusCode.ShouldBe(500);
        error.Message.ShouldBe("too many unhealthy instances in the ring");
    }

    [Fact]
    public async Task OneStaleInstanceOfFive_IsTolerated()
    {
        var harness = await StartAsync(ingesters: 5);
        harness.Ring = harness.MakeRing([0, 0, 0, 0, 61]);
        var now = harness.NowNs;
        await harness.PushAsync("{app=\"a\"}", (now - 1, "x"));

        var result = await harness.Querier().SelectLogsAsync(Request(now - Hour, now));

        result.EntryCount.ShouldBe(1);
        result.IngestersAsked.Length.ShouldBe(4); // 4 healthy, required max(5,3) − 1 = 4, MaxErrors 0
    }

    [Fact]
    public async Task EmptyRing_FailsTheRead()
    {
        var harness = await StartAsync(ingesters: 0);
        var now = harness.NowNs;
        var error = await Should.ThrowAsync<QuerierException>(() => harness.Querier().SelectLogsAsync(Request(now - Hour, now)));
        error.Message.ShouldBe("empty ring");
    }

    [Fact]
    public async Task StoreOnlyRange_NeedsNoRing()
    {
        var harness = await StartAsync(ingesters: 0);
        var now = harness.NowNs;
        var querier = harness.Querier(QuerierConfig.Default with { WindowGap = WindowGap.LokiCompatible });
        (await querier.SelectLogsAsync(Request(now - (6 * Hour), now - (4 * Hour)))).EntryCount.ShouldBe(0);
    }
}
