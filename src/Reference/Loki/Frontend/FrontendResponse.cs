namespace Verified.Reference.Loki.Frontend;

/// <summary>The frontend's answer: 200 with the merged streams, or Loki's status and error text.</summary>
/// <param name="StatusCode">200, 400 (bad request) or 429 (a tenant queue is full).</param>
/// <param name="Error">Loki's error text; null on success.</param>
/// <param name="Result">The merged streams (empty on error).</param>
/// <param name="SplitsMerged">How many split answers were merged (fewer than the splits when the limit stopped it early).</param>
public sealed record FrontendResponse(int StatusCode, string? Error, QueryResult Result, int SplitsMerged)
{
    /// <summary>A successful answer.</summary>
    public static FrontendResponse Ok(QueryResult result, int splitsMerged) => new(200, null, result, splitsMerged);

    /// <summary>A failed one.</summary>
    public static FrontendResponse Fail(int statusCode, string error) => new(statusCode, error, QueryResult.Empty, 0);
}
