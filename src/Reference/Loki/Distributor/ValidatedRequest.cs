using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Distributor;

/// <summary>What validation left of a request: the streams to send, the errors, and what the rate limit counts.</summary>
internal sealed class ValidatedRequest
{
    public List<IngesterStream> Streams { get; } = [];

    public GroupedErrors Errors { get; } = new();

    /// <summary>A 500 that ends the request during validation (a structured-metadata name that cannot be normalised).</summary>
    public string? Fatal { get; set; }

    /// <summary>The blocked-ingestion answer, used only when there are no validation errors.</summary>
    public PushResponse? Blocked { get; set; }

    /// <summary>Valid entries (util.EntryTotalSize bytes, lines): the rate limit's input.</summary>
    public long Bytes { get; set; }

    public int Lines { get; set; }

    /// <summary>Step 5: 400 with the grouped errors, else the blocked answer, else 204.</summary>
    public PushResponse Answer() =>
        Errors.Count > 0 ? new PushResponse(400, Errors.ToString()) : Blocked ?? PushResponse.NoContent;
}
