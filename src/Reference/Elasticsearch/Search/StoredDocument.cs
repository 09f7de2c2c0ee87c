namespace Verified.Reference.Elasticsearch.Search;

/// <summary>A live document of one shard copy: its id, its source as indexed, and the seq_no that wrote it.</summary>
/// <param name="Id">The <c>_id</c>.</param>
/// <param name="SourceJson">The <c>_source</c> exactly as given.</param>
/// <param name="SeqNo">The sequence number of the operation that wrote this version.</param>
public sealed record StoredDocument(string Id, string SourceJson, long SeqNo);
