namespace Verified.Reference.Loki.Chunks;

public sealed partial class MemChunk
{
    /// <summary>Loki's chunk magic number (memchunk.go <c>magicNumber</c>).</summary>
    public const uint MagicNumber = 0x012EE56A;

    /// <summary>
    /// The format byte this model writes. Loki's own formats are 1–4; 0xF1 marks this model's layout (Loki's V3
    /// framing with structured metadata inline in the blocks) so that no reader mistakes it for a Loki chunk.
    /// </summary>
    public const byte FormatVersion = 0xF1;

    /// <summary>
    /// The chunk's data bytes (the <c>[data]</c> part of a stored chunk), laid out as Loki's memchunk.go
    /// <c>writeTo</c>: magic (u32 BE), format, encoding; each block's compressed bytes followed by its CRC-32C
    /// (u32 BE); then, at <c>metasOffset</c>, the block count and per block (entries, mint, maxt, offset, length,
    /// uncompressed size) as varints with a CRC-32C of that section; then <c>metasOffset</c> (u64 BE).
    /// Only cut blocks are written: <see cref="Close"/> first, as Loki's flush does.
    /// </summary>
    /// <exception cref="InvalidOperationException">The head block still holds entries.</exception>
    public byte[] ToBytes()
    {
        if (!_head.IsEmpty)
        {
            throw new InvalidOperationException("the head block holds entries: Close() the chunk before encoding it");
        }

        var writer = new ByteWriter(CutBlockSize + 64 + (_blocks.Count * 32));
        writer.UInt32BigEndian(MagicNumber);
        writer.Byte(FormatVersion);
        writer.Byte((byte)Encoding);
        var offsets = new int[_blocks.Count];
        for (var i = 0; i < _blocks.Count; i++)
        {
            offsets[i] = writer.Length;
            writer.Bytes(_blocks[i].Data);
            writer.UInt32BigEndian(Crc32C.Compute(_blocks[i].Data));
        }

        var metasOffset = writer.Length;
        writer.Uvarint((ulong)_blocks.Count);
        for (var i = 0; i < _blocks.Count; i++)
        {
            var block = _blocks[i];
            writer.Uvarint((ulong)block.Entries);
            writer.Varint(block.MinTs);
            writer.Varint(block.MaxTs);
            writer.Uvarint((ulong)offsets[i]);
            writer.Uvarint((ulong)block.Data.Length);
            writer.Uvarint((ulong)block.UncompressedSize);
        }

        writer.UInt32BigEndian(Crc32C.Compute(writer.WrittenSpan[metasOffset..]));
        writer.UInt64BigEndian((ulong)metasOffset);
        return writer.ToArray();
    }

    /// <summary>Reads bytes written by <see cref="ToBytes"/>, checking every checksum.</summary>
    /// <exception cref="FormatException">The bytes are not such a chunk, or a checksum does not match.</exception>
    public static MemChunk FromBytes(ReadOnlySpan<byte> data, int blockSize, int targetSize)
    {
        if (data.Length < 6 + 8)
        {
            throw new FormatException("chunk data too short");
        }

        var header = new ByteReader(data);
        if (header.UInt32BigEndian() != MagicNumber)
        {
            throw new FormatException("invalid magic number");
        }

        var version = header.Byte();
        if (version != FormatVersion)
        {
            throw new FormatException($"invalid chunk format version {version}");
        }

        var encoding = (ChunkEncoding)header.Byte();
        var chunk = new MemChunk(blockSize, targetSize, encoding);
        var tail = new ByteReader(data[^8..]);
        var metasOffset = tail.UInt64BigEndian();
        if (metasOffset < 6 || metasOffset > (ulong)(data.Length - 8 - 4))
        {
            throw new FormatException($"invalid metas offset {metasOffset}");
        }

        var metasSection = data[(int)metasOffset..^8];
        var metas = new ByteReader(metasSection[..^4]);
        var expectedCrc = new ByteReader(metasSection[^4..]).UInt32BigEndian();
        if (Crc32C.Compute(metasSection[..^4]) != expectedCrc)
        {
            throw new FormatException("invalid block metas checksum");
        }

        var count = metas.Count();
        for (var i = 0; i < count; i++)
        {
            var entries = metas.Count();
            var minTs = metas.Varint();
            var maxTs = metas.Varint();
            var offset = metas.Count();
            var length = metas.Count();
            var uncompressed = metas.Count();
            if ((long)offset + length + 4 > (long)metasOffset)
            {
                throw new FormatException($"block {i} runs past the metas");
            }

            var blockData = data.Slice(offset, length);
            if (Crc32C.Compute(blockData) != new ByteReader(data.Slice(offset + length, 4)).UInt32BigEndian())
            {
                throw new FormatException($"invalid block {i} checksum");
            }

            chunk._blocks.Add(new ChunkBlock(blockData.ToArray(), entries, minTs, maxTs, uncompressed));
            chunk.CutBlockSize += length;
        }

        return chunk;
    }

    /// <summary>
    /// The chunk as a WAL checkpoint keeps it: blocks and head block, without cutting the head (cutting would
    /// change the chunk, and with it the chunk's key, as Loki's <c>SerializeForCheckpointTo</c> notes).
    /// </summary>
    internal void WriteCheckpoint(ByteWriter writer)
    {
        writer.Byte((byte)Encoding);
        writer.Uvarint((ulong)_blocks.Count);
        foreach (var block in _blocks)
        {
            writer.LengthPrefixed(block.Data);
            writer.Uvarint((ulong)block.Entries);
            writer.Varint(block.MinTs);
            writer.Varint(block.MaxTs);
            writer.Uvarint((ulong)block.UncompressedSize);
        }

        writer.Uvarint((ulong)_head.Count);
        foreach (var entry in _head.Entries())
        {
            BlockCodec.Write(writer, entry);
        }
    }

    /// <summary>Reads what <see cref="WriteCheckpoint"/> wrote.</summary>
    internal static MemChunk ReadCheckpoint(ref ByteReader reader, int blockSize, int targetSize)
    {
        var chunk = new MemChunk(blockSize, targetSize, (ChunkEncoding)reader.Byte());
        var blocks = reader.Count();
        for (var i = 0; i < blocks; i++)
        {
            var data = reader.LengthPrefixed().ToArray();
            var entries = reader.Count();
            var minTs = reader.Varint();
            var maxTs = reader.Varint();
            var uncompressed = reader.Count();
            chunk._blocks.Add(new ChunkBlock(data, entries, minTs, maxTs, uncompressed));
            chunk.CutBlockSize += data.Length;
        }

        var head = reader.Count();
        for (var i = 0; i < head; i++)
        {
            chunk._head.Append(BlockCodec.Read(ref reader));
        }

        return chunk;
    }
}
