using Verified.Reference.Elasticsearch.Replication;

namespace Verified.Conformance.Elasticsearch;

/// <summary>One client write of a history: what was asked and, once answered, whether it was acknowledged and where.</summary>
/// <param name="Index">Position in the history.</param>
/// <param name="Kind">Index or delete.</param>
/// <param name="Id">Document id.</param>
/// <param name="Source">Source of an index request.</param>
public sealed record EsWrite(int Index, OperationKind Kind, string Id, string? Source)
{
    /// <summary>The acknowledged operation (seq_no, term), or null while unanswered or failed.</summary>
    public Operation? Acked { get; set; }

    /// <summary>Whether an answer (ack or error) came back.</summary>
    public bool Answered { get; set; }

    /// <summary>The error answer, when the write failed.</summary>
    public string? Error { get; set; }

    /// <summary>An exception the reference threw instead of answering (a bug of the reference itself).</summary>
    public string? Crashed { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"#{Index} {Kind} {Id}{(Source is null ? "" : "=" + Source)} → {(Acked is { } op ? $"acked seq {op.SeqNo} term {op.Term}" : Answered ? $"failed ({Error})" : "pending")}";
}
