using FsCheck;
using FsCheck.Fluent;
using Verified.Conformance.History;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.Durability;

/// <summary>The read path judged over generated write-and-query workloads (LOKI-READ-1, -2, -3, -5, -10).</summary>
public static class ReadPathProperties
{
    /// <summary>
    /// Every log query of a workload — pushes, crashes of up to RF − quorum ingesters and restarts, flushes with store
    /// failures, clock moves of seconds to hours, queries through frontend, scheduler and querier — returns every
    /// acknowledged entry its selector, line filter and range select (unless the limit cut it off), nothing twice,
    /// nothing unwritten or out of range or of another tenant, in order, within its limit; no query fails.
    /// </summary>
    public static Property QueriesAreCompleteAndExact(LokiClusterOptions options) =>
        DurabilityProperties.OverHistories(WriteWorkloads.ReadWorkloads, options, history => history.Queries.SelectMany(query => query.Error is { } error
            ? [new Violation("query-failed", new StreamEntry(query.Tenant, query.Selector, new LogEntry(0, string.Empty)), $"query #{query.Id} ({query.Selector}) failed: {error}")]
            : QueryChecker.Check(history, query)));
}
