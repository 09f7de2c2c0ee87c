using System.Collections.Immutable;

namespace Verified.Reference.Loki.Push;

/// <summary>One stream of a push: its label selector text as the client sent it, and its entries.</summary>
public sealed record PushStream(string Labels, ImmutableArray<LogEntry> Entries);

/// <summary>A push to the distributor (POST /loki/api/v1/push, after the body was decoded).</summary>
/// <param name="Tenant">X-Scope-OrgID; "fake" when auth is off.</param>
/// <param name="Streams">Streams in request order.</param>
public sealed record PushRequest(string Tenant, ImmutableArray<PushStream> Streams);

/// <summary>The distributor's HTTP answer: status code and body text (Go http.Error adds a trailing newline; the body here has none).</summary>
public sealed record PushResponse(int StatusCode, string Body)
{
    /// <summary>204 No Content.</summary>
    public static PushResponse NoContent { get; } = new(204, string.Empty);

    /// <summary>2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
