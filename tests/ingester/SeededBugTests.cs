using Shouldly;
using Verified.Reference.Loki.Ingester;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>
/// Each seeded bug of <see cref="IngesterFaults"/> is caught by a check the suite runs without it (negative controls;
/// the durability property's own controls are in <see cref="DurabilityPropertyTests"/>).
/// </summary>
public sealed class SeededBugTests
{
    [Fact]
    public void WindowIgnored_IsCaughtByTheUnorderedPushVector()
    {
        StreamVectorTests.UnorderedPushMismatches(IngesterFaults.None).ShouldBeEmpty();
        StreamVectorTests.UnorderedPushMismatches(IngesterFaults.WindowIgnored).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ChunkDroppedBeforeStore_IsCaughtByTheWhileTheStoreHasNotConfirmedCheck()
    {
        (await FlushTests.EntriesInMemoryDuringTheFailedPut(IngesterFaults.None)).ShouldBe(1);
        (await FlushTests.EntriesInMemoryDuringTheFailedPut(IngesterFaults.ChunkDroppedBeforeStore)).ShouldBe(0);
    }

    [Fact]
    public async Task WalAfterAck_IsCaughtByTheCrashAfterAckCheck()
    {
        (await AcknowledgedEntrySurvivesACrash(IngesterFaults.None)).ShouldBeTrue();
        (await AcknowledgedEntrySurvivesACrash(IngesterFaults.WalAfterAck)).ShouldBeFalse();
    }

    private static async Task<bool> AcknowledgedEntrySurvivesACrash(IngesterFaults faults)
    {
        var harness = new IngesterHarness(faults: faults);
        await harness.StartAsync();
        var acked = (await harness.PushAsync("{app=\"a\"}", (IngesterHarness.BaseNs, "acked"))).IsSuccess;
        await harness.CrashAndRestartAsync();
        return acked && (await harness.VisibleAsync()).Count == 1;
    }
}
