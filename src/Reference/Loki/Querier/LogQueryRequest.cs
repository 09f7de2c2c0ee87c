using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Querier;

/// <summary>A log query over one tenant (logql.SelectLogParams without the pipeline).</summary>
/// <param name="Tenant">The tenant (org ID); a query never sees another tenant's data.</param>
/// <param name="StartNs">Start, Unix ns, inclusive.</param>
/// <param name="EndNs">End, Unix ns, exclusive.</param>
/// <param name="Direction">Result order.</param>
/// <param name="Limit">Entries returned at most, across all streams.</param>
/// <param name="Matches">The stream selector as a predicate over the canonical label string.</param>
/// <param name="Pipeline">
/// The log pipeline over (stream labels, entry): the label string of the result stream the entry goes to — the
/// stream's own, or with structured metadata and parsed labels added, as Loki's answers carry them unless
/// categorize-labels is asked for (LOKI.md §6) — or null when a stage drops it. It runs inside the iteration, so a
/// dropped entry does not count against the limit. Null keeps every entry of a selected stream under its own labels.
/// </param>
public sealed record LogQueryRequest(string Tenant, long StartNs, long EndNs, Direction Direction, int Limit, Func<string, bool> Matches, Func<string, LogEntry, string?>? Pipeline = null);
