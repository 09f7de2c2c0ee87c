using FsCheck;
using FsCheck.Fluent;
using Verified.Conformance.History;
using Verified.Reference.Loki.Cluster;

namespace Verified.Conformance.Durability;

/// <summary>Quorum durability of the Loki write path (LOKI-DUR-1, -2, -3, -5, -6, -9), judged from histories.</summary>
public static class DurabilityProperties
{
    /// <summary>
    /// Every acknowledged entry is readable after any workload of pushes, crashes of up to RF − quorum ingesters
    /// (with and without restart), restarts with WAL replay, flushes with store failures and clock moves; nothing
    /// is read that was never pushed; an entry only ever pushed by definitely failed pushes is never read.
    /// </summary>
    public static Property AcknowledgedEntriesSurvive(LokiClusterOptions options) =>
        OverHistories(WriteWorkloads.Workloads, options, history => history.Reads.SelectMany(read => DurabilityChecker.Check(history, read)));

    /// <summary>
    /// Runs every generated workload from a generated seed and judges its history with <paramref name="judge"/>; a
    /// failure is labelled with the seed, the operations and the checker's report.
    /// </summary>
    internal static Property OverHistories(Arbitrary<WriteOperation[]> workloads, LokiClusterOptions options, Func<WriteHistory, IEnumerable<Violation>> judge) =>
        Prop.ForAll(workloads, Arb.From(Gen.Choose(0, int.MaxValue)), (operations, seed) =>
        {
            var history = WriteWorkloadRunner.Run(operations, seed, options);
            var violations = judge(history).ToList();
            return violations.Count == 0
                ? true.Label("no violation")
                : false.Label($"seed {seed}; operations: {string.Join("; ", operations.Select(o => o.ToString()))}\n{DurabilityChecker.Report([.. violations], history)}");
        });
}
