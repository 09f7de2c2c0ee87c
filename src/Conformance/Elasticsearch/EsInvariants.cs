namespace Verified.Conformance.Elasticsearch;

/// <summary>Names of the invariants the checker reports (ELASTICSEARCH.md §4.1), each tied to a requirement.</summary>
public static class EsInvariants
{
    /// <summary>FM AllAckedResponsesStored (ES-REPL-1).</summary>
    public const string AllAckedResponsesStored = "AllAckedResponsesStored";

    /// <summary>FM SameTranslogUpToGlobalCheckPoint (ES-REPL-2).</summary>
    public const string PrefixAgreement = "SameTranslogUpToGlobalCheckPoint";

    /// <summary>FM GlobalCheckPointBelowLocalCheckPoints (ES-REPL-3).</summary>
    public const string GlobalBelowLocal = "GlobalCheckPointBelowLocalCheckPoints";

    /// <summary>FM LocalCheckPointMatchesMaxConfirmedSeq (ES-REPL-4).</summary>
    public const string NoHolesOnPrimary = "LocalCheckPointMatchesMaxConfirmedSeq";

    /// <summary>At most one primary per shard and term (ES-REPL-5).</summary>
    public const string OnePrimaryPerTerm = "OnePrimaryPerShardAndTerm";

    /// <summary>Terms strictly increase on promotion and never decrease (ES-REPL-6).</summary>
    public const string TermsIncrease = "TermsIncreaseOnPromotion";

    /// <summary>No replica accepts an operation under an older term (ES-REPL-7).</summary>
    public const string ReplicasRejectOlderTerms = "ReplicasRejectOlderTerms";

    /// <summary>FM AllCopiesSameContentsOnQuietDown (ES-REPL-8).</summary>
    public const string Convergence = "AllCopiesSameContentsOnQuietDown";

    /// <summary>The in-sync set never empties once non-empty (ES-REPL-9).</summary>
    public const string InSyncNeverEmpties = "InSyncSetNeverEmpties";

    /// <summary>Only an in-sync copy is ever promoted (ES-REPL-10).</summary>
    public const string OnlyInSyncPromoted = "OnlyInSyncCopiesPromoted";
}
