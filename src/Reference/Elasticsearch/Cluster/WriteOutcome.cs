using Verified.Reference.Elasticsearch.Replication;

namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>The coordinating node's answer to one index or delete: the primary's response or an error.</summary>
/// <param name="Index">The index.</param>
/// <param name="Id">The document id.</param>
/// <param name="Response">The primary's response when the write succeeded.</param>
/// <param name="Error">The error otherwise.</param>
public sealed record WriteOutcome(string Index, string Id, PrimaryResponse? Response, EsError? Error)
{
    /// <summary>The HTTP status: 201 created, 200 updated or deleted, 404 not_found, or the error's.</summary>
    public int Status => Error?.Status ?? Response!.Result switch
    {
        "created" => 201,
        "not_found" => 404,
        _ => 200,
    };

    /// <summary>Whether the write was acknowledged.</summary>
    public bool Acknowledged => Response is not null;
}

/// <summary>The coordinating node's answer to a get.</summary>
/// <param name="Index">The index.</param>
/// <param name="Id">The id.</param>
/// <param name="Document">The document when found.</param>
/// <param name="Error">An error (missing index, unavailable shard).</param>
public sealed record GetOutcome(string Index, string Id, StoredDocument? Document, EsError? Error)
{
    /// <summary>200 found, 404 not found, or the error's status.</summary>
    public int Status => Error?.Status ?? (Document is null ? 404 : 200);
}
