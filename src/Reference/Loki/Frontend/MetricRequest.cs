namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// A metric query as the frontend receives it: <c>/loki/api/v1/query_range</c> (steps <c>Start, Start+Step, … ≤ End</c>,
/// both ends inclusive, as Loki's engine evaluates them) or, with <see cref="IsInstant"/>, <c>/loki/api/v1/query</c>
/// (one evaluation at <see cref="StartNs"/>).
/// </summary>
/// <param name="Tenant">The tenant (X-Scope-OrgID).</param>
/// <param name="Query">The LogQL metric query.</param>
/// <param name="StartNs">First step, Unix ns.</param>
/// <param name="EndNs">Last step bound (inclusive), Unix ns.</param>
/// <param name="StepNs">The step (HTTP default <c>max(floor(range_s/250), 1)</c> s, see <see cref="MetricRequest.DefaultStepNs"/>).</param>
/// <param name="Direction">Carried as Loki carries it; for a metric query it only orders the splits' execution.</param>
/// <param name="Limit">Carried as Loki carries it (HTTP default 100); it must be positive but does not cut a matrix.</param>
public sealed record MetricRequest(string Tenant, string Query, long StartNs, long EndNs, long StepNs, Direction Direction = Direction.Backward, int Limit = 100)
{
    /// <summary>True for an instant query (<c>/loki/api/v1/query</c>): one step at <see cref="StartNs"/>, no split.</summary>
    public bool IsInstant { get; init; }

    /// <summary>An instant query at <paramref name="atNs"/>.</summary>
    public static MetricRequest Instant(string tenant, string query, long atNs, Direction direction = Direction.Backward, int limit = 100) =>
        new(tenant, query, atNs, atNs, 0, direction, limit) { IsInstant = true };

    /// <summary>Loki's default step for a range without <c>step</c>: <c>max(floor(seconds(end − start)/250), 1)</c> s (loki pkg/loghttp/params.go defaultQueryRangeStep).</summary>
    public static long DefaultStepNs(long startNs, long endNs) =>
        Math.Max((long)Math.Floor((endNs - startNs) / 1e9 / 250), 1) * 1_000_000_000L;
}
