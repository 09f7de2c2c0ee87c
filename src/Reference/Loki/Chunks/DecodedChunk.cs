using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Chunks;

/// <summary>A stored chunk read back (<see cref="StoredChunk.Decode"/>).</summary>
/// <param name="Key">The key it was fetched under.</param>
/// <param name="Labels">The stream's labels (without <c>__name__</c>), sorted by name.</param>
/// <param name="Entries">Its entries in timestamp order.</param>
public sealed record DecodedChunk(ChunkKey Key, LabelSet Labels, ImmutableArray<LogEntry> Entries);
