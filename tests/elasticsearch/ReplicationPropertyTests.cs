using FsCheck;
using FsCheck.Fluent;
using Verified.Conformance.Elasticsearch;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Elasticsearch.Tests;

/// <summary>The §4 invariants hold on the reference over generated histories (ES-REPL-1..10).</summary>
public sealed class ReplicationPropertyTests
{
    private static readonly int MaxTest = TestBudget.MaxTestOr(40);

    public static TheoryData<string> Invariants() =>
    [
        EsInvariants.AllAckedResponsesStored, EsInvariants.PrefixAgreement, EsInvariants.GlobalBelowLocal,
        EsInvariants.NoHolesOnPrimary, EsInvariants.OnePrimaryPerTerm, EsInvariants.TermsIncrease,
        EsInvariants.ReplicasRejectOlderTerms, EsInvariants.Convergence, EsInvariants.InSyncNeverEmpties,
        EsInvariants.OnlyInSyncPromoted,
    ];

    [Fact]
    public void Reference_ViolatesNoInvariant_OverPromotionHistories()
    {
        Prop.ForAll(EsProperties.PromotionHistories, Arb.From(Gen.Choose(0, int.MaxValue)), (steps, seed) =>
        {
            var run = EsHarness.Run(steps, seed);
            return run.Violations.Count == 0 ? true.Label("ok") : false.Label(run.ToString());
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(TestBudget.MaxTestOr(300)));
    }

    [Fact]
    public void Reference_ViolatesNoInvariant_OverGeneratedHistories()
    {
        // One pass checks every invariant: a run is judged on all of them at once (ES-REPL-1..10).
        Prop.ForAll(EsProperties.Histories, Arb.From(Gen.Choose(0, int.MaxValue)), (steps, seed) =>
        {
            var run = EsHarness.Run(steps, seed);
            return run.Violations.Count == 0 ? true.Label("ok") : false.Label(run.ToString());
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(MaxTest));
    }

    // The seeded bugs run from fixed seeds in SeededBugCoverageTests (one row per bug and invariant).
}
