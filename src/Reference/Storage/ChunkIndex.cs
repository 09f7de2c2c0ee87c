using System.Text.Json;
using Verified.Reference.Loki.Chunks;

namespace Verified.Reference.Storage;

/// <summary>
/// Which chunks hold which streams over which time: (tenant, labels, range) → chunk keys, kept in the object store
/// itself as one small JSON object per chunk, <c>index/&lt;chunk key&gt;</c>, so a fresh process over the same store
/// finds everything flushed before (<see cref="LoadAsync"/>).
/// </summary>
/// <remarks>
/// <para>Why this design: Loki's real indexes (TSDB, boltdb-shipper) are compacted per-period tables and out of
/// scope; an oracle needs only the mapping and its crash behaviour. One object per chunk is simple and crash-safe:
/// the caller writes the chunk object first and indexes it after, and <see cref="AddAsync"/> refuses a chunk that
/// is not in the store, so the index never points at a missing chunk — a crash between the two leaves an unindexed
/// chunk, which the next flush of the same data indexes. Each put is atomic, so no half entry is ever read.</para>
/// <para>Identical chunk keys (replicas that cut the same chunk, LOKI.md §5) are stored once: the index object's key
/// is derived from the chunk key, and a key already indexed is not written again (Loki's index dedupe in
/// <c>PutOne</c>). The first entry for a key wins. Queries run in memory, sorted (from, through, chunk key).</para>
/// <para>Keys must be v12 chunk keys (<see cref="ChunkKey.Format"/>) naming the fingerprint and bounds given; the
/// index prefix may hold the chunks of a tenant called "index" too, and <see cref="LoadAsync"/> tells them apart
/// by shape.</para>
/// </remarks>
public sealed class ChunkIndex
{
    /// <summary>Key prefix of index objects.</summary>
    public const string Prefix = "index/";

    private readonly Lock _gate = new();
    private readonly IObjectStore _store;
    private readonly Dictionary<string, ChunkIndexEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>An index over <paramref name="store"/>; call <see cref="LoadAsync"/> to read what is already there.</summary>
    public ChunkIndex(IObjectStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Entries held in memory.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Opens the index of <paramref name="store"/>: a new index, loaded.</summary>
    public static async Task<ChunkIndex> OpenAsync(IObjectStore store, CancellationToken cancellationToken = default)
    {
        var index = new ChunkIndex(store);
        await index.LoadAsync(cancellationToken).ConfigureAwait(false);
        return index;
    }

    /// <summary>The index object's key for <paramref name="chunkKey"/>.</summary>
    public static string IndexKey(string chunkKey) => Prefix + chunkKey;

    /// <summary>
    /// Indexes the chunk stored under <paramref name="chunkKey"/>; true when added, false when that key was already
    /// indexed (nothing is written).
    /// </summary>
    /// <exception cref="ArgumentException">The chunk key is not <paramref name="tenant"/>'s ("wrong chunk metadata"), or is not a valid key.</exception>
    /// <exception cref="InvalidOperationException">The chunk object is not in the store: write it first.</exception>
    /// <exception cref="ObjectStoreException">The index object could not be written; the entry is not added.</exception>
    public async Task<bool> AddAsync(string tenant, string labels, ulong fingerprint, long fromMs, long throughMs, string chunkKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(chunkKey);
        if (!chunkKey.StartsWith(tenant + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException(ChunkKey.WrongMetadata, nameof(chunkKey));
        }

        ObjectKeys.Validate(chunkKey);
        if (ParseV12(tenant, chunkKey) is not { } parsed)
        {
            throw new ArgumentException($"chunk key '{chunkKey}' is not a v12 key <tenant>/<fp>/<from>:<through>:<checksum>", nameof(chunkKey));
        }

        if (parsed.Fingerprint != fingerprint || parsed.FromMs != fromMs || parsed.ThroughMs != throughMs)
        {
            throw new ArgumentException($"chunk key '{chunkKey}' does not name fingerprint {fingerprint:x} from {fromMs:x} through {throughMs:x}", nameof(chunkKey));
        }
        lock (_gate)
        {
            if (_entries.ContainsKey(chunkKey))
            {
                return false;
            }
        }

        if (!await _store.ExistsAsync(chunkKey, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"chunk {chunkKey} is not in the store: write the chunk before indexing it");
        }

        var entry = new ChunkIndexEntry(tenant, labels, fingerprint, fromMs, throughMs, chunkKey);
        await _store.PutAsync(IndexKey(chunkKey), JsonSerializer.SerializeToUtf8Bytes(entry), cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return _entries.TryAdd(chunkKey, entry);
        }
    }

    /// <summary>
    /// <paramref name="tenant"/>'s chunks overlapping [<paramref name="fromMs"/>, <paramref name="throughMs"/>] (both
    /// inclusive) whose labels satisfy <paramref name="matcher"/> (all when null), sorted by from, through, key.
    /// </summary>
    public Task<IReadOnlyList<ChunkIndexEntry>> QueryAsync(string tenant, long fromMs, long throughMs, Func<string, bool>? matcher = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        cancellationToken.ThrowIfCancellationRequested();
        List<ChunkIndexEntry> candidates;
        lock (_gate)
        {
            candidates = [.. _entries.Values.Where(e => e.Tenant == tenant && e.Overlaps(fromMs, throughMs))];
        }

        // The matcher is the caller's code: run it outside the lock.
        var result = candidates.Where(e => matcher is null || matcher(e.Labels))
            .OrderBy(e => e.FromMs).ThenBy(e => e.ThroughMs).ThenBy(e => e.ChunkKey, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<ChunkIndexEntry>>(result);
    }

    /// <summary>Replaces what is in memory with every index object in the store.</summary>
    /// <exception cref="InvalidDataException">An index object is not a valid entry, or disagrees with its key.</exception>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var loaded = new Dictionary<string, ChunkIndexEntry>(StringComparer.Ordinal);
        foreach (var key in await _store.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            if (!IsIndexKey(key))
            {
                continue; // a chunk of the tenant named "index", say: not ours
            }

            var data = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (data is null)
            {
                continue; // deleted since the listing
            }

            var entry = Parse(key, data);
            loaded[entry.ChunkKey] = entry;
        }

        lock (_gate)
        {
            _entries.Clear();
            foreach (var (key, entry) in loaded)
            {
                _entries[key] = entry;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="key"/> is <c>index/</c> + a v12 chunk key. A tenant ID has no '/', so a tenant named
    /// "index" has chunk keys of three segments (<c>index/&lt;fp&gt;/&lt;from&gt;:&lt;through&gt;:&lt;crc&gt;</c>),
    /// never the four of an index key: the two can share the prefix without being mistaken for each other.
    /// </summary>
    private static bool IsIndexKey(string key)
    {
        var chunkKey = key[Prefix.Length..];
        var slash = chunkKey.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && ParseV12(chunkKey[..slash], chunkKey) is not null;
    }

    /// <summary>The chunk key when it is exactly a v12 key of <paramref name="tenant"/> (as formatted), else null.</summary>
    private static ChunkKey? ParseV12(string tenant, string chunkKey)
    {
        try
        {
            var parsed = ChunkKey.Parse(tenant, chunkKey);
            return parsed.Format(v12: true) == chunkKey ? parsed : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ChunkIndexEntry Parse(string key, byte[] data)
    {
        ChunkIndexEntry? entry;
        try
        {
            entry = JsonSerializer.Deserialize<ChunkIndexEntry>(data);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"index object {key} is not a chunk index entry: {e.Message}", e);
        }

        if (entry is null || entry.Tenant is null || entry.Labels is null || entry.ChunkKey is null || IndexKey(entry.ChunkKey) != key)
        {
            throw new InvalidDataException($"index object {key} does not describe the chunk its key names");
        }

        return entry;
    }
}
