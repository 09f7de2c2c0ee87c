using Verified.Reference.Loki.Chunks;

namespace Verified.Reference.Loki.Ingester;

/// <summary>A chunk the store and the index confirmed.</summary>
/// <param name="Labels">The stream's canonical labels.</param>
/// <param name="Key">Its key (object key: <c>Key.Format()</c>).</param>
/// <param name="Reason">Why it was flushed (<see cref="FlushReasons"/>).</param>
/// <param name="Entries">Entries in it.</param>
public sealed record FlushedChunk(string Labels, ChunkKey Key, string Reason, int Entries);
