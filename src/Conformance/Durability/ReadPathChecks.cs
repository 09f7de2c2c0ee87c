using Verified.Conformance.Checks;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki.Cluster;

namespace Verified.Conformance.Durability;

/// <summary>The read-path checks <c>verified check</c> runs (LOKI-READ-n), against a simulated cluster with the target's Loki spec.</summary>
public static class ReadPathChecks
{
    /// <summary>All read-path checks.</summary>
    public static IEnumerable<ConformanceCheck> All() =>
    [
        ConformanceCheck.Create(
            "Log queries return every acknowledged entry they select, once, in order, within their limit, only the tenant's",
            ctx => PropertyRunner.Run(ReadPathProperties.QueriesAreCompleteAndExact(new LokiClusterOptions { Spec = ctx.Target.Loki }), ctx),
            "LOKI-READ-1", "LOKI-READ-2", "LOKI-READ-3", "LOKI-READ-5", "LOKI-READ-10"),
        ConformanceCheck.Create(
            "A split query merges to the unsplit query's answer (disjoint and overlapping pieces, the spec's split_merge)",
            ctx => PropertyRunner.Run(SplitEquivalence.HoldsUnder(ctx.Target.Loki), ctx),
            "LOKI-READ-4"),
        ConformanceCheck.Create("LogQL ASTs print to text that parses back to the same AST", ctx => PropertyRunner.Run(LogQLRoundTrip.Holds(), ctx), "LOKI-READ-6"),
        ConformanceCheck.Create("Gold vectors: LogQL upstream parser cases", LogQLVectors.ParserCases, "LOKI-READ-6"),
        ConformanceCheck.Create("Gold vectors: LogQL curated parses and error texts", LogQLVectors.Curated, "LOKI-READ-6"),
        ConformanceCheck.Create("Gold vectors: LogQL printer round trips", LogQLVectors.Roundtrip, "LOKI-READ-6"),
        ConformanceCheck.Create("Metric queries agree with a naive evaluation at every step", ctx => PropertyRunner.Run(MetricModelLaw.Holds(), ctx), "LOKI-READ-7"),
        ConformanceCheck.Create(
            "Metric queries through frontend, scheduler and querier agree with the evaluator over the acknowledged entries",
            ctx => PropertyRunner.Run(MetricQueryProperties.MetricQueriesMatchTheEvaluator(new LokiClusterOptions { Spec = ctx.Target.Loki }), ctx),
            "LOKI-READ-7"),
        ConformanceCheck.Create("Gold vectors: querier routing between ingesters and store", ReadPathVectors.QueryIntervals, "LOKI-READ-8"),
        ConformanceCheck.Create("Gold vectors: split intervals", ReadPathVectors.SplitIntervals, "LOKI-READ-8"),
        ConformanceCheck.Create("Gold vectors: iterator merge and dedupe, frontend split merge", ReadPathVectors.MergeDedupe, "LOKI-READ-8"),
        ConformanceCheck.Create(
            "The scheduler serves tenants round-robin, each in FIFO order, and answers 429 past the outstanding limit",
            ctx => SchedulerScenario.Run(ctx.Target.Loki),
            "LOKI-READ-9"),
    ];
}
