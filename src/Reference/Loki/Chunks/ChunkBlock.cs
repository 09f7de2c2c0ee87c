namespace Verified.Reference.Loki.Chunks;

/// <summary>A cut block of a chunk: its compressed bytes and the metadata Loki keeps for it (memchunk.go <c>block</c>).</summary>
/// <param name="Data">Compressed entries.</param>
/// <param name="Entries">Number of entries.</param>
/// <param name="MinTs">Smallest entry timestamp, Unix ns.</param>
/// <param name="MaxTs">Largest entry timestamp, Unix ns.</param>
/// <param name="UncompressedSize">Bytes charged while the entries were in the head block.</param>
internal sealed record ChunkBlock(byte[] Data, int Entries, long MinTs, long MaxTs, int UncompressedSize);
