namespace Verified.Reference.Loki.Chunks;

/// <summary>Block compression of a chunk; the values are Loki's codes (loki pkg/compression/codec.go), written into the chunk header.</summary>
public enum ChunkEncoding : byte
{
    /// <summary>Uncompressed blocks (Loki <c>none</c>).</summary>
    None = 0,

    /// <summary>gzip (RFC 1952), Loki's default <c>chunk_encoding</c>.</summary>
    Gzip = 1,
}
