using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Reference.Loki.Frontend;

namespace Verified.Query.Tests.Frontend;

/// <summary>
/// The frontend's laws, each a function of the seeded bugs (and of the merge) so that <see cref="FrontendSeededBugTests"/>
/// can show it catching them. Every case runs on a fresh frontend over synchronous model queriers.
/// </summary>
internal static class FrontendProperties
{
    /// <summary>
    /// Split equivalence: split, scheduled, stopped early and merged, a log query answers exactly what the model querier
    /// answers for the whole range — with either merge, since pieces are disjoint.
    /// </summary>
    public static Property SplitQueryAnswersLikeTheWholeRange(bool deduplicating, FrontendFaults faults) =>
        Prop.ForAll(FrontendCaseGen.Cases.ToArbitrary(), c =>
        {
            var frontend = Frontend(c, LogModel.Executor(c.Store), deduplicating, faults);
            var response = Build.Run(frontend, new FrontendRequest("tenant", "{app=~\".+\"}", c.StartNs, c.EndNs, c.Direction, c.Limit));
            response.StatusCode.ShouldBe(200, response.Error);
            var expected = LogModel.Query(c.Store, new TimeRange(c.StartNs, c.EndNs), c.Direction, c.Limit);
            response.Result.ShouldBe(expected, c.ToString());
        });

    /// <summary>
    /// When queriers answer beyond their piece (each range widened by 3 s, as overlapping shards or replicas would) and
    /// the limit does not bind, the deduplicating merge still answers what the whole range holds; Loki's merge does not.
    /// </summary>
    public static Property OverlappingPiecesMergeToTheWholeRange(bool deduplicating) =>
        Prop.ForAll(FrontendCaseGen.Cases.ToArbitrary(), c =>
        {
            var bounds = new TimeRange(c.StartNs, c.EndNs);
            var frontend = Frontend(c, LogModel.Executor(c.Store, 3 * Build.Second, bounds), deduplicating, FrontendFaults.None);
            var response = Build.Run(frontend, new FrontendRequest("tenant", "{app=~\".+\"}", c.StartNs, c.EndNs, c.Direction, 5000));
            response.StatusCode.ShouldBe(200, response.Error);
            response.Result.ShouldBe(LogModel.Query(c.Store, bounds, c.Direction, 5000), c.ToString());
        });

    private static QueryFrontend Frontend(FrontendCase c, Func<SplitRequest, CancellationToken, Task<QueryResult>> executor, bool deduplicating, FrontendFaults faults) =>
        QueryFrontend.WithExecutor(
            executor,
            new FrontendOptions { SplitInterval = TimeSpan.FromSeconds(c.IntervalSeconds), Deduplicating = deduplicating, MaxQueryParallelism = c.Parallelism },
            schedulerOptions: null,
            c.Queriers,
            faults);
}
