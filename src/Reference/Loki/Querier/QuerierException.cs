namespace Verified.Reference.Loki.Querier;

/// <summary>A query Loki would refuse or fail, with the HTTP status and Loki's text (<see cref="QuerierErrors"/>).</summary>
public sealed class QuerierException : Exception
{
    /// <summary>Creates the error.</summary>
    public QuerierException(int statusCode, string message, Exception? inner = null)
        : base(message, inner) => StatusCode = statusCode;

    /// <summary>400 for a refused request, 500 for a read that failed (ring, ingesters, store).</summary>
    public int StatusCode { get; }
}
