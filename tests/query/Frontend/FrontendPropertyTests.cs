using FsCheck;
using Verified.Reference.Loki.Frontend;

namespace Verified.Query.Tests.Frontend;

/// <summary>The frontend's laws on the reference (VERIFIED_MAXTEST cases each, 100 by default).</summary>
public sealed class FrontendPropertyTests
{
    [FrontendProperty]
    public Property SplitQuery_AnswersLikeTheWholeRange_WithTheDeduplicatingMerge() =>
        FrontendProperties.SplitQueryAnswersLikeTheWholeRange(deduplicating: true, FrontendFaults.None);

    [FrontendProperty]
    public Property SplitQuery_AnswersLikeTheWholeRange_WithLokisMerge() =>
        FrontendProperties.SplitQueryAnswersLikeTheWholeRange(deduplicating: false, FrontendFaults.None);

    [FrontendProperty]
    public Property OverlappingPieces_MergeToTheWholeRange_WhenDeduplicating() =>
        FrontendProperties.OverlappingPiecesMergeToTheWholeRange(deduplicating: true);
}
