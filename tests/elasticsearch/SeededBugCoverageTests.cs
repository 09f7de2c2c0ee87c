using System.Reflection;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Shouldly;
using Verified.Conformance.Elasticsearch;
using Verified.Reference.Elasticsearch.Replication;
using Verified.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Verified.Elasticsearch.Tests;

/// <summary>
/// A negative control for every replication invariant (ES-REPL-1..10): each seeded <see cref="ReplicationFaults"/> bug
/// makes the reference wrong in one named way, and the property for the invariant it breaks must find a
/// counterexample — a violation line naming that invariant, printed with the seed and the history — from a fixed
/// FsCheck seed within the budget. The case counts are in docs/seeded-bugs.md.
/// </summary>
public sealed partial class SeededBugCoverageTests(ITestOutputHelper output)
{
    /// <summary>The FsCheck seed every control starts from, so "found after N cases" is the same on every run.</summary>
    private const ulong Seed = 20261125UL;

    /// <summary>(bug, invariant whose property must catch it, history generator). Primary detector first per bug.</summary>
    public static TheoryData<string, string, string> Controls() => new()
    {
        { nameof(ReplicationFaults.AckBeforeReplicas), EsInvariants.AllAckedResponsesStored, nameof(EsProperties.PromotionHistories) },
        { nameof(ReplicationFaults.PromoteOutOfSync), EsInvariants.OnlyInSyncPromoted, nameof(EsProperties.PromotionHistories) },
        { nameof(ReplicationFaults.ReplicaAcceptsOlderTerm), EsInvariants.ReplicasRejectOlderTerms, nameof(EsProperties.PromotionHistories) },
        { nameof(ReplicationFaults.NoTrimAfterPromotion), EsInvariants.Convergence, nameof(EsProperties.PromotionHistories) },
        { nameof(ReplicationFaults.GlobalCheckpointFromPrimaryOnly), EsInvariants.PrefixAgreement, nameof(EsProperties.Histories) },
        { nameof(ReplicationFaults.GlobalCheckpointFromPrimaryOnly), EsInvariants.GlobalBelowLocal, nameof(EsProperties.Histories) },
        { nameof(ReplicationFaults.RecoverySkipsBelowGlobalCheckpoint), EsInvariants.GlobalBelowLocal, nameof(EsProperties.Histories) },
        { nameof(ReplicationFaults.RecoverySkipsBelowGlobalCheckpoint), EsInvariants.PrefixAgreement, nameof(EsProperties.Histories) },
        { nameof(ReplicationFaults.RecoverySkipsBelowGlobalCheckpoint), EsInvariants.AllAckedResponsesStored, nameof(EsProperties.Histories) },
        { nameof(ReplicationFaults.PromotionSkipsGapFill), EsInvariants.NoHolesOnPrimary, nameof(EsProperties.Histories) },
        { nameof(ReplicationFaults.PromotionWithoutTermBump), EsInvariants.OnePrimaryPerTerm, nameof(EsProperties.Histories) },
        { nameof(ReplicationFaults.PromotionWithoutTermBump), EsInvariants.TermsIncrease, nameof(EsProperties.Histories) },
        { nameof(ReplicationFaults.TermResetWhenRed), EsInvariants.TermsIncrease, nameof(EsProperties.Histories) },
        { nameof(ReplicationFaults.LastInSyncRemoved), EsInvariants.InSyncNeverEmpties, nameof(EsProperties.Histories) },
    };

    [Theory]
    [MemberData(nameof(Controls))]
    public void SeededBug_IsCaughtByItsInvariant(string bug, string invariant, string histories)
    {
        var fault = Enum.Parse<ReplicationFaults>(bug);
        var arbitrary = histories == nameof(EsProperties.Histories) ? EsProperties.Histories : EsProperties.PromotionHistories;
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(TestBudget.MaxTestOr(300))
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, 1442695040888963407UL), FSharpOption<int>.None)));

        var error = Should.Throw<Exception>(() => EsProperties.Holds(invariant, fault, arbitrary).Check(config));

        output.WriteLine($"{bug} caught by {invariant} after {FoundAfter().Match(error.Message).Groups[1].Value} case(s)");
        output.WriteLine(error.Message);
        error.Message.ShouldContain($"{invariant} violated", Case.Sensitive, error.Message);
        error.Message.ShouldMatch($"(?m)^  {Regex.Escape(invariant)}: ", error.Message);
    }

    [Fact]
    public void EveryInvariant_HasANegativeControl_AndEveryBugIsControlled()
    {
        var invariants = typeof(EsInvariants).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        var controls = Controls().Select(row => (Bug: (string)row[0], Invariant: (string)row[1])).ToList();

        invariants.Count.ShouldBe(10);
        invariants.Except(controls.Select(c => c.Invariant)).ShouldBeEmpty("invariants without a seeded bug");
        Enum.GetNames<ReplicationFaults>().Where(n => n != nameof(ReplicationFaults.None)).Except(controls.Select(c => c.Bug)).ShouldBeEmpty("seeded bugs no test runs");
    }

    [GeneratedRegex(@"after (\d+) test")]
    private static partial Regex FoundAfter();
}
