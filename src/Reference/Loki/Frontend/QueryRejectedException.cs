namespace Verified.Reference.Loki.Frontend;

/// <summary>A query refused before it ran, with the HTTP status and text Loki answers.</summary>
public sealed class QueryRejectedException : Exception
{
    /// <summary>Creates the rejection.</summary>
    public QueryRejectedException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    /// <summary>Creates a rejection with status 500.</summary>
    public QueryRejectedException()
        : this(500, "query rejected")
    {
    }

    /// <summary>Creates a rejection with status 500.</summary>
    public QueryRejectedException(string message)
        : this(500, message)
    {
    }

    /// <summary>Creates a rejection with status 500.</summary>
    public QueryRejectedException(string message, Exception innerException)
        : base(message, innerException) => StatusCode = 500;

    /// <summary>The HTTP status (429 for the scheduler's queue limit).</summary>
    public int StatusCode { get; }

    /// <summary>The scheduler's refusal when a tenant's queue is full (loki pkg/queue ErrTooManyRequests): 429.</summary>
    public static QueryRejectedException TooManyOutstandingRequests() => new(429, SchedulerOptions.TooManyOutstandingRequestsText);
}
