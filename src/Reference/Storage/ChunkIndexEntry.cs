namespace Verified.Reference.Storage;

/// <summary>One indexed chunk: whose it is, which stream, which time range (inclusive at both ends, Unix ms), where.</summary>
/// <param name="Tenant">Tenant id.</param>
/// <param name="Labels">The stream's canonical label string.</param>
/// <param name="Fingerprint">The stream's fingerprint.</param>
/// <param name="FromMs">First entry, Unix milliseconds.</param>
/// <param name="ThroughMs">Last entry, Unix milliseconds (inclusive, like a chunk key's through).</param>
/// <param name="ChunkKey">The chunk object's key.</param>
public sealed record ChunkIndexEntry(string Tenant, string Labels, ulong Fingerprint, long FromMs, long ThroughMs, string ChunkKey)
{
    /// <summary>Whether the chunk shares an instant with [<paramref name="fromMs"/>, <paramref name="throughMs"/>].</summary>
    public bool Overlaps(long fromMs, long throughMs) => FromMs <= throughMs && ThroughMs >= fromMs;
}
