using FsCheck;
using Shouldly;
using Verified.Conformance.Durability;
using Verified.Conformance.History;
using Verified.Reference.Loki.Cluster;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>Quorum durability of the Loki write path, over generated workloads with crashes, restarts and flushes.</summary>
public sealed class DurabilityPropertiesTests
{
    [VerifiedProperty]
    [Requirement("LOKI-DUR-1")]
    [Requirement("LOKI-DUR-2")]
    [Requirement("LOKI-DUR-3")]
    [Requirement("LOKI-DUR-5")]
    [Requirement("LOKI-DUR-6")]
    [Requirement("LOKI-DUR-9")]
    public Property AcknowledgedEntries_SurviveCrashesRestartsAndFlushes() =>
        DurabilityProperties.AcknowledgedEntriesSurvive(new LokiClusterOptions());

    [Fact]
    [Requirement("LOKI-DUR-2")]
    public void PushCrashRestartFlush_KeepsEveryAcknowledgedEntry()
    {
        WriteOperation[] operations =
        [
            new WriteOperation.Push(0, 0, 3, 0, false),
            new WriteOperation.Crash(1),
            new WriteOperation.Push(0, 1, 2, 0, false),
            new WriteOperation.Push(1, 0, 2, 0, true),
            new WriteOperation.FailStorePuts(2),
            new WriteOperation.Flush(),
            new WriteOperation.RestartAll(),
            new WriteOperation.Advance(120),
            new WriteOperation.Flush(),
        ];
        var history = WriteWorkloadRunner.Run(operations, seed: 7);

        history.Pushes.Count(p => p.Verdict == PushVerdict.Acknowledged).ShouldBe(3, history.Describe());
        foreach (var read in history.Reads)
        {
            read.Found.Length.ShouldBeGreaterThanOrEqualTo(7, history.Describe());
        }

        DurabilityChecker.Check(history).ShouldBeEmpty(history.Describe());
    }

    [Fact]
    [Requirement("LOKI-DUR-1")]
    public void OneIngesterDown_PushIsStillAcknowledgedAtQuorum()
    {
        // Two of three replicas answer: quorum. (Below quorum is covered by the distributor's [fail,ok,fail] vector.)
        var history = WriteWorkloadRunner.Run([new WriteOperation.Crash(0), new WriteOperation.Push(0, 0, 1, 0, false)], seed: 3);
        history.Pushes.Single().Verdict.ShouldBe(PushVerdict.Acknowledged, history.Describe());
    }
}
