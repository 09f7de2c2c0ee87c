using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Reference.Loki.Ingester;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>
/// Every acknowledged entry survives any history of pushes, flushes (with store failures), checkpoints, clock
/// moves, crashes with torn writes and restarts (LOKI-DUR-2/3/5), checked against a set-of-acknowledged-entries
/// model; each seeded durability bug makes the same property fail.
/// </summary>
public sealed class DurabilityPropertyTests
{
    [Fact]
    [Trait("Requirement", "LOKI-DUR-2")]
    [Trait("Requirement", "LOKI-DUR-3")]
    [Trait("Requirement", "LOKI-DUR-5")]
    public void AcknowledgedEntries_SurviveAnyHistoryOfCrashesRestartsFlushesAndCheckpoints() =>
        Check(IngesterFaults.None, TestBudget.MaxTest);

    [Theory]
    [InlineData(nameof(IngesterFaults.WalAfterAck))]
    [InlineData(nameof(IngesterFaults.ChunkDroppedBeforeStore))]
    public void TheProperty_CatchesTheSeededBug(string fault)
    {
        var failure = Should.Throw<Exception>(() => Check(Enum.Parse<IngesterFaults>(fault), 300));
        failure.Message.ShouldContain("lost");
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-3")]
    public async Task Pinned_WalWrittenAfterTheAck_LosesTheEntryOnACrash()
    {
        // The shape FsCheck shrinks a WalAfterAck counterexample to: one push, then a crash.
        var pinned = new DurabilityCase(1, [new Step.Push(0, [(0, 0)]), new Step.Crash()]);
        (await DurabilityModel.RunAsync(pinned, IngesterFaults.None)).ShouldBeNull();
        (await DurabilityModel.RunAsync(pinned, IngesterFaults.WalAfterAck)).ShouldNotBeNull();
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-5")]
    public async Task Pinned_ChunkDroppedBeforeTheStoreConfirms_LosesTheEntryWhenThePutFails()
    {
        var pinned = new DurabilityCase(1, [new Step.Push(0, [(0, 0)]), new Step.Flush(true, 1)]);
        (await DurabilityModel.RunAsync(pinned, IngesterFaults.None)).ShouldBeNull();
        (await DurabilityModel.RunAsync(pinned, IngesterFaults.ChunkDroppedBeforeStore)).ShouldNotBeNull();
    }

    private static void Check(IngesterFaults faults, int maxTest)
    {
        var property = Prop.ForAll(DurabilityCase.Arbitrary, c =>
        {
            var violation = DurabilityModel.RunAsync(c, faults).GetAwaiter().GetResult();
            return (violation is null).Label(violation ?? "ok");
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true), property);
    }
}
