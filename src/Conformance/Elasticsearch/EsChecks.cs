using System.Collections.Immutable;
using Verified.Conformance.Checks;

namespace Verified.Conformance.Elasticsearch;

/// <summary>The Elasticsearch replication and search checks for <c>verified check</c>, each citing its ES-REPL requirement.</summary>
public static class EsChecks
{
    /// <summary>Every check.</summary>
    public static ImmutableArray<ConformanceCheck> All { get; } =
    [
        Check("Every acknowledged write sits at its seq_no with its term on every active copy", EsInvariants.AllAckedResponsesStored, "ES-REPL-1"),
        Check("Active copies agree on every operation up to the global checkpoint", EsInvariants.PrefixAgreement, "ES-REPL-2"),
        Check("Every copy's global checkpoint is at most its local checkpoint", EsInvariants.GlobalBelowLocal, "ES-REPL-3"),
        Check("A primary has no holes: its local checkpoint is its max seq_no", EsInvariants.NoHolesOnPrimary, "ES-REPL-4"),
        Check("At most one primary per shard and term", EsInvariants.OnePrimaryPerTerm, "ES-REPL-5"),
        Check("Promotion strictly increases the primary term", EsInvariants.TermsIncrease, "ES-REPL-6"),
        Check("Replicas reject operations under an older primary term", EsInvariants.ReplicasRejectOlderTerms, "ES-REPL-7"),
        Check("Active copies converge once faults stop", EsInvariants.Convergence, "ES-REPL-8"),
        Check("The in-sync set never empties", EsInvariants.InSyncNeverEmpties, "ES-REPL-9"),
        Check("Only in-sync copies are promoted", EsInvariants.OnlyInSyncPromoted, "ES-REPL-10"),
        SearchCheck("Searches through the cluster find every acknowledged, matching document and nothing phantom", EsSearchProperties.Completeness, "ES-SEARCH-1"),
        SearchCheck("Searches find nothing never written, mid-history included", EsSearchProperties.NoPhantom, "ES-SEARCH-1"),
        SearchCheck("_shards.failed counts exactly the shards without a copy; their documents are absent", EsSearchProperties.ShardFailures, "ES-SEARCH-2"),
        SearchCheck("Merged hits are in sort-value, shard index, doc id order", EsSearchProperties.Order, "ES-SEARCH-3"),
        SearchCheck("from/size pages slice the merged order; hits.total counts every match", EsSearchProperties.Window, "ES-SEARCH-4"),
    ];

    private static ConformanceCheck SearchCheck(string name, string prefix, string requirement) =>
        ConformanceCheck.Create(name, context => PropertyRunner.Run(EsSearchProperties.Holds(prefix), context), requirement);

    private static ConformanceCheck Check(string name, string invariant, string requirement) =>
        ConformanceCheck.Create(name, context => PropertyRunner.Run(EsProperties.Holds(invariant), context), requirement);
}
