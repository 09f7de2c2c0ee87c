using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Chunks;

/// <summary>
/// An in-memory chunk after Loki's <c>MemChunk</c> (loki pkg/chunkenc/memchunk.go): cut blocks of compressed
/// entries plus an unordered head block. The head is cut into a block once its uncompressed size reaches the block
/// size; the chunk has space while compressed blocks plus the uncompressed head plus the new entry stay under the
/// target size. Not thread-safe: the owning stream serialises access.
/// </summary>
public sealed partial class MemChunk
{
    /// <summary>Loki's fallback when no target size is set: ten blocks per chunk.</summary>
    public const int BlocksPerChunk = 10;

    private readonly List<ChunkBlock> _blocks = [];
    private readonly HeadBlock _head = new();

    /// <summary>An empty chunk.</summary>
    /// <param name="blockSize">Uncompressed bytes at which the head block is cut (chunk_block_size).</param>
    /// <param name="targetSize">Compressed size a chunk aims for (chunk_target_size); 0 = ten blocks.</param>
    /// <param name="encoding">Block compression.</param>
    public MemChunk(int blockSize, int targetSize, ChunkEncoding encoding = ChunkEncoding.Gzip)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        ArgumentOutOfRangeException.ThrowIfNegative(targetSize);
        BlockSize = blockSize;
        TargetSize = targetSize;
        Encoding = encoding;
    }

    /// <summary>Uncompressed bytes at which the head block is cut.</summary>
    public int BlockSize { get; }

    /// <summary>The compressed size this chunk aims for; 0 = <see cref="BlocksPerChunk"/> blocks.</summary>
    public int TargetSize { get; }

    /// <summary>Block compression.</summary>
    public ChunkEncoding Encoding { get; }

    /// <summary>Compressed bytes of the cut blocks (Loki <c>cutBlockSize</c>).</summary>
    public int CutBlockSize { get; private set; }

    /// <summary>Number of cut blocks.</summary>
    public int BlockCount => _blocks.Count;

    /// <summary>Number of entries (blocks and head).</summary>
    public int Size => _blocks.Sum(b => b.Entries) + _head.Count;

    /// <summary>True when the chunk holds no entry.</summary>
    public bool IsEmpty => _blocks.Count == 0 && _head.IsEmpty;

    /// <summary>True when the head block is empty (the chunk is fully cut, ready to encode).</summary>
    public bool HeadIsEmpty => _head.IsEmpty;

    /// <summary>Uncompressed bytes of blocks and head.</summary>
    public int UncompressedSize => _head.Size + _blocks.Sum(b => b.UncompressedSize);

    /// <summary>Loki's estimate of the compressed size: cut blocks compressed, the head uncompressed.</summary>
    public int CompressedSize => _head.Size + CutBlockSize;

    /// <summary>Fill level: compressed size over target size, or uncompressed size over ten blocks without a target.</summary>
    public double Utilization => TargetSize != 0
        ? (double)CompressedSize / TargetSize
        : (double)UncompressedSize / (BlocksPerChunk * (double)BlockSize);

    /// <summary>The smallest and largest entry timestamps (Unix ns), over blocks and head.</summary>
    /// <exception cref="InvalidOperationException">The chunk is empty.</exception>
    public (long MinTs, long MaxTs) Bounds
    {
        get
        {
            if (IsEmpty)
            {
                throw new InvalidOperationException("an empty chunk has no bounds");
            }

            var min = long.MaxValue;
            var max = long.MinValue;
            if (!_head.IsEmpty)
            {
                min = _head.MinTs;
                max = _head.MaxTs;
            }

            foreach (var block in _blocks)
            {
                min = Math.Min(min, block.MinTs);
                max = Math.Max(max, block.MaxTs);
            }

            return (min, max);
        }
    }

    internal IReadOnlyList<ChunkBlock> Blocks => _blocks;

    /// <summary>
    /// Whether <paramref name="entry"/> still fits: <c>cutBlockSize + head + size(entry) &lt; target</c>, strict
    /// (memchunk.go SpaceFor); without a target, fewer than ten blocks.
    /// </summary>
    public bool SpaceFor(LogEntry entry) => TargetSize > 0
        ? CutBlockSize + _head.Size + EntrySize.Of(entry) < TargetSize
        : _blocks.Count < BlocksPerChunk;

    /// <summary>Appends <paramref name="entry"/>; true when the head block dropped it as a duplicate.</summary>
    public bool Append(LogEntry entry)
    {
        if (_head.Append(entry))
        {
            return true;
        }

        if (_head.Size >= BlockSize)
        {
            Cut();
        }

        return false;
    }

    /// <summary>
    /// Loki's <c>Close</c>: cut the head into a block, then, if blocks overlap in time (out-of-order writes),
    /// rebuild the chunk in timestamp order so its blocks are monotonic.
    /// </summary>
    public void Close()
    {
        Cut();
        Reorder();
    }

    /// <summary>Entries with <paramref name="fromNs"/> ≤ ts &lt; <paramref name="throughNs"/>, in timestamp order (ties keep block, then arrival, order).</summary>
    public IReadOnlyList<LogEntry> Entries(long fromNs = long.MinValue, long throughNs = long.MaxValue)
    {
        var result = new List<LogEntry>(Size);
        var ordered = true;
        var lastMax = long.MinValue;
        foreach (var block in _blocks)
        {
            if (block.MaxTs < fromNs || block.MinTs >= throughNs)
            {
                continue;
            }

            ordered &= block.MinTs >= lastMax;
            lastMax = block.MaxTs;
            result.AddRange(BlockCodec.Entries(Encoding, block).Where(e => e.TimestampNs >= fromNs && e.TimestampNs < throughNs));
        }

        if (!_head.IsEmpty)
        {
            ordered &= _head.MinTs >= lastMax;
            result.AddRange(_head.Entries().Where(e => e.TimestampNs >= fromNs && e.TimestampNs < throughNs));
        }

        return ordered ? result : [.. result.OrderBy(e => e.TimestampNs)];
    }

    /// <summary>
    /// Entries with <paramref name="fromNs"/> ≤ ts &lt; <paramref name="throughNs"/>, oldest first, or newest first when
    /// <paramref name="backward"/> (entries of one nanosecond reversed too, as Loki's backward iterators do), each block
    /// decompressed only when the iteration reaches it and blocks outside the range skipped. Gives the same entries
    /// in the same order as <see cref="Entries"/> (reversed for backward); a chunk whose blocks overlap in time is
    /// read whole first, as <see cref="Entries"/> reads it.
    /// </summary>
    /// <param name="fromNs">Inclusive start.</param>
    /// <param name="throughNs">Exclusive end.</param>
    /// <param name="backward">Newest first.</param>
    /// <param name="blockDecoded">Called for every block decompressed (a query's statistics); may be null.</param>
    public IEnumerable<LogEntry> Iterate(long fromNs, long throughNs, bool backward, Action? blockDecoded = null)
    {
        var ordered = true;
        var lastMax = long.MinValue;
        foreach (var block in _blocks)
        {
            ordered &= block.MinTs >= lastMax;
            lastMax = block.MaxTs;
        }

        ordered &= _head.IsEmpty || _head.MinTs >= lastMax;
        if (!ordered)
        {
            var all = Entries(fromNs, throughNs);
            return backward ? all.Reverse() : all;
        }

        return backward ? Backward(fromNs, throughNs, blockDecoded) : Forward(fromNs, throughNs, blockDecoded);
    }

    private IEnumerable<LogEntry> Forward(long fromNs, long throughNs, Action? blockDecoded)
    {
        foreach (var block in _blocks)
        {
            if (block.MaxTs < fromNs || block.MinTs >= throughNs)
            {
                continue;
            }

            blockDecoded?.Invoke();
            foreach (var entry in BlockCodec.Entries(Encoding, block))
            {
                if (entry.TimestampNs >= fromNs && entry.TimestampNs < throughNs)
                {
                    yield return entry;
                }
            }
        }

        foreach (var entry in _head.Entries())
        {
            if (entry.TimestampNs >= fromNs && entry.TimestampNs < throughNs)
            {
                yield return entry;
            }
        }
    }

    private IEnumerable<LogEntry> Backward(long fromNs, long throughNs, Action? blockDecoded)
    {
        var head = _head.Entries().ToList();
        for (var i = head.Count - 1; i >= 0; i--)
        {
            if (head[i].TimestampNs >= fromNs && head[i].TimestampNs < throughNs)
            {
                yield return head[i];
            }
        }

        for (var b = _blocks.Count - 1; b >= 0; b--)
        {
            var block = _blocks[b];
            if (block.MaxTs < fromNs || block.MinTs >= throughNs)
            {
                continue;
            }

            blockDecoded?.Invoke();
            var entries = BlockCodec.Entries(Encoding, block);
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                if (entries[i].TimestampNs >= fromNs && entries[i].TimestampNs < throughNs)
                {
                    yield return entries[i];
                }
            }
        }
    }

    private void Cut()
    {
        if (_head.IsEmpty)
        {
            return;
        }

        var block = BlockCodec.Cut(Encoding, _head.Entries(), _head.Count, _head.MinTs, _head.MaxTs, _head.Size);
        _blocks.Add(block);
        CutBlockSize += block.Data.Length;
        _head.Reset();
    }

    private void Reorder()
    {
        var lastMax = long.MinValue;
        var ordered = true;
        foreach (var block in _blocks)
        {
            ordered &= block.MinTs >= lastMax;
            lastMax = block.MaxTs;
        }

        if (ordered)
        {
            return;
        }

        // Loki's Rebound: re-append every entry in time order into a fresh chunk (the head block's duplicate
        // check applies again), then close it.
        var rebuilt = new MemChunk(BlockSize, TargetSize, Encoding);
        foreach (var entry in Entries())
        {
            rebuilt.Append(entry);
        }

        rebuilt.Cut();
        _blocks.Clear();
        _blocks.AddRange(rebuilt._blocks);
        CutBlockSize = rebuilt.CutBlockSize;
    }
}
