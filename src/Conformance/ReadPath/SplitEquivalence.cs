using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki.Frontend;
using Verified.Routing;

namespace Verified.Conformance.ReadPath;

/// <summary>
/// The frontend's split-and-merge laws (LOKI-READ-4), each a function of the merge and of the seeded bugs so that the
/// negative controls can show it failing. Every case runs on a fresh frontend over synchronous <see cref="LogModel"/> queriers.
/// </summary>
public static class SplitEquivalence
{
    private const string Tenant = "tenant";
    private const string Selector = "{app=~\".+\"}";

    /// <summary>
    /// Split equivalence under <paramref name="spec"/>'s <c>read.split_merge</c>: pieces split, scheduled, stopped early
    /// and merged answer what the whole range holds, with disjoint pieces and (the limit not binding) with pieces that
    /// overlap as shards or replicas would. Loki's merge keeps the overlap's duplicates, so its variant fails.
    /// </summary>
    public static Property HoldsUnder(ITokenRingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var deduplicating = (spec.ReadPath?.SplitMerge ?? SplitMergeMode.Deduplicating) == SplitMergeMode.Deduplicating;
        return Prop.ForAll(FrontendCaseGen.Cases.ToArbitrary(), c =>
            Disjoint(c, deduplicating, FrontendFaults.None) is { } disjoint ? false.Label(disjoint)
            : Overlapping(c, deduplicating) is { } overlapping ? false.Label(overlapping)
            : true.ToProperty());
    }

    /// <summary>
    /// Split, scheduled, stopped early and merged, a log query answers exactly what the model querier answers for the
    /// whole range — with either merge, since pieces are disjoint.
    /// </summary>
    internal static Property SplitQueryAnswersLikeTheWholeRange(bool deduplicating, FrontendFaults faults) =>
        Prop.ForAll(FrontendCaseGen.Cases.ToArbitrary(), c => Disjoint(c, deduplicating, faults) is { } why ? false.Label(why) : true.ToProperty());

    /// <summary>
    /// When queriers answer beyond their piece (each range widened by 3 s) and the limit does not bind, the deduplicating
    /// merge still answers what the whole range holds; Loki's merge does not.
    /// </summary>
    internal static Property OverlappingPiecesMergeToTheWholeRange(bool deduplicating) =>
        Prop.ForAll(FrontendCaseGen.Cases.ToArbitrary(), c => Overlapping(c, deduplicating) is { } why ? false.Label(why) : true.ToProperty());

    /// <summary>The disjoint-pieces law on one case: null when it holds, else what differed.</summary>
    internal static string? Disjoint(FrontendCase c, bool deduplicating, FrontendFaults faults)
    {
        var frontend = Frontend(c, LogModel.Executor(c.Store), deduplicating, faults);
        var response = Run(frontend, new FrontendRequest(Tenant, Selector, c.StartNs, c.EndNs, c.Direction, c.Limit));
        return Compare("disjoint pieces", c, response, LogModel.Query(c.Store, new TimeRange(c.StartNs, c.EndNs), c.Direction, c.Limit));
    }

    /// <summary>The overlapping-pieces law on one case: null when it holds, else what differed.</summary>
    internal static string? Overlapping(FrontendCase c, bool deduplicating)
    {
        const int Unbinding = 5000;
        var bounds = new TimeRange(c.StartNs, c.EndNs);
        var frontend = Frontend(c, LogModel.Executor(c.Store, 3 * FrontendCaseGen.Second, bounds), deduplicating, FrontendFaults.None);
        var response = Run(frontend, new FrontendRequest(Tenant, Selector, c.StartNs, c.EndNs, c.Direction, Unbinding));
        return Compare("pieces overlapping by 3s", c, response, LogModel.Query(c.Store, bounds, c.Direction, Unbinding));
    }

    private static string? Compare(string law, FrontendCase c, FrontendResponse response, QueryResult expected) =>
        response.StatusCode != 200 ? $"{law}: status {response.StatusCode} {response.Error}\ncase: {c}"
        : response.Result == expected ? null
        : $"{law}: merged answer differs from the whole range's\nexpected: {Show(expected)}\nactual:   {Show(response.Result)}\ncase: {c}";

    private static string Show(QueryResult? result) => result is null ? "null" :
        string.Join(" ", result.Streams.Select(s => $"{s.Labels}[{string.Join(",", s.Entries.Select(e => $"{e.TimestampNs / FrontendCaseGen.Second - FrontendCaseGen.BaseSeconds}:{e.Line}{(e.StructuredMetadata.IsEmpty ? "" : "+sm")}"))}]"));

    private static FrontendResponse Run(QueryFrontend frontend, FrontendRequest request) => frontend.QueryAsync(request).GetAwaiter().GetResult();

    private static QueryFrontend Frontend(FrontendCase c, Func<SplitRequest, CancellationToken, Task<QueryResult>> executor, bool deduplicating, FrontendFaults faults) =>
        QueryFrontend.WithExecutor(
            executor,
            new FrontendOptions { SplitInterval = TimeSpan.FromSeconds(c.IntervalSeconds), Deduplicating = deduplicating, MaxQueryParallelism = c.Parallelism },
            schedulerOptions: null,
            c.Queriers,
            faults);
}
