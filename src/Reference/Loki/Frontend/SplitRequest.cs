using Verified.Reference.Loki.LogQL.Eval;

namespace Verified.Reference.Loki.Frontend;

/// <summary>One piece of a split log query, as a querier receives it from the scheduler.</summary>
/// <param name="Tenant">The tenant (X-Scope-OrgID).</param>
/// <param name="Query">The query text, passed through unchanged.</param>
/// <param name="Range">This piece's range: start inclusive, end exclusive.</param>
/// <param name="Direction">The whole query's direction.</param>
/// <param name="Limit">The whole query's limit: Loki gives every piece the full limit.</param>
/// <param name="Index">The piece's position in execution order (0 = first run).</param>
public sealed record SplitRequest(string Tenant, string Query, TimeRange Range, Direction Direction, int Limit, int Index)
{
    /// <summary>
    /// For a piece of a metric query (<see cref="MetricQueryFrontend"/>): the steps to evaluate, both ends inclusive;
    /// null for a log query's piece.
    /// </summary>
    public MetricQuery? Metric { get; init; }
}
