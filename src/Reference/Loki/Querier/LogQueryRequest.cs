namespace Verified.Reference.Loki.Querier;

/// <summary>A log query over one tenant (logql.SelectLogParams without the pipeline).</summary>
/// <param name="Tenant">The tenant (org ID); a query never sees another tenant's data.</param>
/// <param name="StartNs">Start, Unix ns, inclusive.</param>
/// <param name="EndNs">End, Unix ns, exclusive.</param>
/// <param name="Direction">Result order.</param>
/// <param name="Limit">Entries returned at most, across all streams.</param>
/// <param name="Matches">The stream selector as a predicate over the canonical label string (LogQL is wired in later).</param>
public sealed record LogQueryRequest(string Tenant, long StartNs, long EndNs, Direction Direction, int Limit, Func<string, bool> Matches);
