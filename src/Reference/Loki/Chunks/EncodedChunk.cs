namespace Verified.Reference.Loki.Chunks;

/// <summary>A chunk ready for the object store: its key and its bytes (<see cref="StoredChunk.Encode"/>).</summary>
/// <param name="Key">Tenant, fingerprint, bounds and CRC-32C.</param>
/// <param name="Bytes">The stored object.</param>
public sealed record EncodedChunk(ChunkKey Key, byte[] Bytes)
{
    /// <summary>The object key (v12+ layout).</summary>
    public string ObjectKey => Key.Format();
}
