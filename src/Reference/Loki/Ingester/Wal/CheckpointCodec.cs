using System.Buffers.Binary;
using Verified.Reference.Loki.Chunks;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>
/// A checkpoint file: magic <c>VCKP</c>, a version byte, the streams, the retired counters, then the CRC-32C of
/// everything before it (u32 BE). The file is written to a temporary name, synced and renamed, so a reader only
/// ever sees a complete one; the checksum still guards against a damaged disk.
/// </summary>
internal static class CheckpointCodec
{
    private const uint Magic = 0x56434B50;
    private const byte Version = 1;

    public static byte[] Encode(IEnumerable<TenantStreams> tenants)
    {
        var writer = new ByteWriter(4096);
        writer.UInt32BigEndian(Magic);
        writer.Byte(Version);
        var all = tenants.ToList();
        var streams = all.SelectMany(t => t.Streams).ToList();
        writer.Uvarint((ulong)streams.Count);
        foreach (var stream in streams)
        {
            WriteStream(writer, stream);
        }

        var retired = all.SelectMany(t => t.RetiredCounters.Select(r => new RetiredCounter(t.Tenant, r.Key, r.Value))).ToList();
        writer.Uvarint((ulong)retired.Count);
        foreach (var counter in retired)
        {
            writer.String(counter.Tenant);
            writer.String(counter.Labels);
            writer.Varint(counter.Counter);
        }

        writer.UInt32BigEndian(Crc32C.Compute(writer.WrittenSpan));
        return writer.ToArray();
    }

    /// <exception cref="FormatException">Not a checkpoint, truncated, or its checksum does not match.</exception>
    public static CheckpointData Decode(ReadOnlySpan<byte> data, int blockSize, int targetSize)
    {
        if (data.Length < 9 || Crc32C.Compute(data[..^4]) != BinaryPrimitives.ReadUInt32BigEndian(data[^4..]))
        {
            throw new FormatException("checkpoint checksum mismatch");
        }

        var reader = new ByteReader(data[..^4]);
        if (reader.UInt32BigEndian() != Magic || reader.Byte() != Version)
        {
            throw new FormatException("not a checkpoint of this version");
        }

        var count = reader.Count();
        var streams = new List<CheckpointStream>(count);
        for (var i = 0; i < count; i++)
        {
            streams.Add(ReadStream(ref reader, blockSize, targetSize));
        }

        var retiredCount = reader.Count();
        var retired = new List<RetiredCounter>(retiredCount);
        for (var i = 0; i < retiredCount; i++)
        {
            var tenant = reader.String();
            var labels = reader.String();
            retired.Add(new RetiredCounter(tenant, labels, reader.Varint()));
        }

        return reader.AtEnd ? new CheckpointData(streams, retired) : throw new FormatException("trailing bytes in checkpoint");
    }

    private static void WriteStream(ByteWriter writer, LogStream stream)
    {
        writer.String(stream.Tenant);
        writer.UInt64BigEndian(stream.Fingerprint);
        writer.UInt32BigEndian(stream.Token);
        writer.String(stream.Labels);
        writer.Varint(stream.EntryCount);
        writer.Byte(stream.HighestTs.HasValue ? (byte)1 : (byte)0);
        writer.Varint(stream.HighestTs ?? 0);
        writer.Byte(stream.LastLine is null ? (byte)0 : (byte)1);
        writer.Varint(stream.LastLine?.TimestampNs ?? 0);
        writer.String(stream.LastLine?.Line ?? string.Empty);
        writer.Uvarint((ulong)stream.Chunks.Count);
        foreach (var chunk in stream.Chunks)
        {
            writer.String(chunk.State == ChunkStates.Flushing ? ChunkStates.Closed : chunk.State);
            writer.Byte(chunk.Synced ? (byte)1 : (byte)0);
            writer.Varint(chunk.LastUpdated.UtcTicks);
            writer.Byte(chunk.FlushedAt.HasValue ? (byte)1 : (byte)0);
            writer.Varint(chunk.FlushedAt?.UtcTicks ?? 0);
            chunk.Chunk.WriteCheckpoint(writer);
        }
    }

    private static CheckpointStream ReadStream(ref ByteReader reader, int blockSize, int targetSize)
    {
        var tenant = reader.String();
        var fingerprint = reader.UInt64BigEndian();
        var token = reader.UInt32BigEndian();
        var labels = reader.String();
        var entryCount = reader.Varint();
        var hasHighest = reader.Byte() != 0;
        var highest = reader.Varint();
        var hasLast = reader.Byte() != 0;
        var lastTs = reader.Varint();
        var lastContent = reader.String();
        var chunkCount = reader.Count();
        var chunks = new List<CheckpointChunk>(chunkCount);
        for (var i = 0; i < chunkCount; i++)
        {
            var state = reader.String();
            var synced = reader.Byte() != 0;
            var lastUpdated = new DateTimeOffset(reader.Varint(), TimeSpan.Zero);
            var hasFlushed = reader.Byte() != 0;
            var flushedTicks = reader.Varint();
            var chunk = MemChunk.ReadCheckpoint(ref reader, blockSize, targetSize);
            chunks.Add(new CheckpointChunk(state, synced, lastUpdated, hasFlushed ? new DateTimeOffset(flushedTicks, TimeSpan.Zero) : null, chunk));
        }

        return new CheckpointStream(
            tenant,
            fingerprint,
            token,
            labels,
            entryCount,
            hasHighest ? highest : null,
            hasLast ? new LogEntry(lastTs, lastContent) : null,
            chunks);
    }
}
