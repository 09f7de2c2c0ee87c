namespace Verified.Reference.Elasticsearch.Search;

/// <summary>What a search returns: a response (HTTP 200, possibly partial) or a search-phase error.</summary>
/// <param name="Response">The response, or null.</param>
/// <param name="Error">The error, or null.</param>
public sealed record SearchResult(SearchResponse? Response, SearchPhaseError? Error)
{
    /// <summary>The HTTP status.</summary>
    public int Status => Response is not null ? 200 : Error!.Status;

    /// <summary>The JSON body.</summary>
    public string ToJson() => Response?.ToJson() ?? Error!.ToJson();
}
