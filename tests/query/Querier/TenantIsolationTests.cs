using Shouldly;
using Xunit;
using static Verified.Query.Tests.Querier.QuerierHarness;

namespace Verified.Query.Tests.Querier;

/// <summary>A query sees its own tenant's data only, in memory and in the store.</summary>
public sealed class TenantIsolationTests
{
    private const string Labels = "{app=\"shared\"}";

    [Fact]
    public async Task SameStreamInTwoTenants_EachQuerySeesOnlyItsOwn_BeforeAndAfterFlush()
    {
        var harness = await StartAsync();
        var now = harness.NowNs;
        await harness.PushAsync(Labels, [new(now - 2, "tenant a's")], tenant: "a");
        await harness.PushAsync(Labels, [new(now - 1, "tenant b's")], tenant: "b");

        await AssertIsolatedAsync(harness, now);
        await harness.FlushAllAsync();
        (await harness.Store.ListAsync("a/")).ShouldNotBeEmpty();
        await AssertIsolatedAsync(harness, now);
        (await harness.Querier().SelectLogsAsync(Request(now - Hour, now, tenant: "c"))).EntryCount.ShouldBe(0);
    }

    private static async Task AssertIsolatedAsync(QuerierHarness harness, long now)
    {
        var a = await harness.Querier().SelectLogsAsync(Request(now - Hour, now, tenant: "a"));
        var b = await harness.Querier().SelectLogsAsync(Request(now - Hour, now, tenant: "b"));
        Flat(a).Select(e => e.Line).ShouldBe(["tenant a's"]);
        Flat(b).Select(e => e.Line).ShouldBe(["tenant b's"]);
    }
}
