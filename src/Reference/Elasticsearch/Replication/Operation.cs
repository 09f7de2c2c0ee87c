namespace Verified.Reference.Elasticsearch.Replication;

/// <summary>What an operation does to its document.</summary>
public enum OperationKind
{
    /// <summary>Index (create or replace) the document with a source.</summary>
    Index,

    /// <summary>Delete the document.</summary>
    Delete,

    /// <summary>Fills a sequence-number gap on promotion; touches no document (ES Engine.NoOp).</summary>
    NoOp,
}

/// <summary>One replicated operation: its slot (<paramref name="SeqNo"/>) and the primary term it was assigned under.</summary>
/// <param name="SeqNo">Assigned by the primary: max_seq_no + 1, starting at 0.</param>
/// <param name="Term">The primary term of the primary that assigned it.</param>
/// <param name="Kind">Index, delete or no-op.</param>
/// <param name="Id">The document id (empty for a no-op).</param>
/// <param name="Source">The document source for an index operation; null otherwise.</param>
public sealed record Operation(long SeqNo, long Term, OperationKind Kind, string Id, string? Source);

/// <summary>A translog slot on a copy: the operation and whether it awaits confirmation by a resync (FM replication.tla <c>pc</c>).</summary>
/// <param name="Op">The operation.</param>
/// <param name="Pending">Set on entries above the global checkpoint when a newer term arrives; a resync replaces or trims them.</param>
public sealed record TranslogEntry(Operation Op, bool Pending);

/// <summary>A document as a copy holds it: the last operation on its id by sequence number.</summary>
/// <param name="Id">The id.</param>
/// <param name="Source">The source.</param>
/// <param name="SeqNo">The seq_no of the operation that wrote it.</param>
/// <param name="Term">The primary term of that operation.</param>
/// <param name="Version">Operations on the id so far (index and delete), the <c>_version</c>.</param>
public sealed record StoredDocument(string Id, string Source, long SeqNo, long Term, long Version);
