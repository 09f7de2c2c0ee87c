using Verified.Reference.Loki.LogQL.Eval;

namespace Verified.Reference.Loki.Frontend;

/// <summary>The frontend's answer to a metric query: 200 with the merged matrix (or vector), or Loki's status and error text.</summary>
/// <param name="StatusCode">200, 400 (bad request), 429 (a tenant queue is full) or the querier's status.</param>
/// <param name="Error">Loki's error text; null on success.</param>
/// <param name="Result">The answer; null on error.</param>
/// <param name="Splits">How many pieces ran.</param>
public sealed record MetricResponse(int StatusCode, string? Error, MetricResult? Result, int Splits)
{
    /// <summary>A successful answer.</summary>
    public static MetricResponse Ok(MetricResult result, int splits) => new(200, null, result, splits);

    /// <summary>A failed one.</summary>
    public static MetricResponse Fail(int statusCode, string error) => new(statusCode, error, null, 0);
}
