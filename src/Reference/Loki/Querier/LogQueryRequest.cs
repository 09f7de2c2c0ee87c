using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Querier;

/// <summary>A log query over one tenant (logql.SelectLogParams without the pipeline).</summary>
/// <param name="Tenant">The tenant (org ID); a query never sees another tenant's data.</param>
/// <param name="StartNs">Start, Unix ns, inclusive.</param>
/// <param name="EndNs">End, Unix ns, exclusive.</param>
/// <param name="Direction">Result order.</param>
/// <param name="Limit">Entries returned at most, across all streams.</param>
/// <param name="Matches">The stream selector as a predicate over the canonical label string.</param>
/// <param name="Keep">
/// The log pipeline as a predicate over (stream labels, entry): entries it drops are gone before the limit is applied,
/// as Loki's pipeline runs inside the iterators. Null keeps every entry of a selected stream.
/// </param>
public sealed record LogQueryRequest(string Tenant, long StartNs, long EndNs, Direction Direction, int Limit, Func<string, bool> Matches, Func<string, LogEntry, bool>? Keep = null);
