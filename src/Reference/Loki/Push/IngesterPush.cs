using System.Collections.Immutable;

namespace Verified.Reference.Loki.Push;

/// <summary>A stream as the distributor sends it to an ingester: canonical labels, its token, its valid entries.</summary>
public sealed record IngesterStream(string Labels, uint Token, ImmutableArray<LogEntry> Entries);

/// <summary>One distributor → ingester batch: every stream of one request that this ingester replicates.</summary>
public sealed record IngesterPushRequest(string Tenant, ImmutableArray<IngesterStream> Streams);

/// <summary>An ingester's answer: 200 with an empty body, or Loki's status code and error body.</summary>
public sealed record IngesterPushResponse(int StatusCode, string Body)
{
    /// <summary>Success.</summary>
    public static IngesterPushResponse Ok { get; } = new(200, string.Empty);

    /// <summary>2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}

/// <summary>
/// How a distributor reaches ingesters. A returned response means the ingester answered; a thrown
/// <see cref="Simulation.RemoteCallException"/> means it did not (dropped, partitioned, crashed, timed out).
/// </summary>
public interface IIngesterClient
{
    /// <summary>Sends <paramref name="request"/> to the ingester at <paramref name="address"/>.</summary>
    Task<IngesterPushResponse> PushAsync(string address, IngesterPushRequest request, CancellationToken cancellationToken);
}
