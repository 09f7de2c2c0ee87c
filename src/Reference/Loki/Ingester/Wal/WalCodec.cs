using System.Buffers.Binary;
using Verified.Reference.Loki.Chunks;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>
/// WAL segment framing: each record is <c>[u32 BE payload length][u32 BE CRC-32C of the payload][payload]</c>.
/// A reader stops at the first frame that is incomplete (a torn tail: the crash cut an unsynced write) or whose
/// checksum or payload does not verify (corruption), and reports which.
/// </summary>
internal static class WalCodec
{
    private const byte EntriesRecord = 1;
    private const int FrameHeader = 8;

    /// <summary>
    /// Frames <paramref name="record"/> into <paramref name="scratch"/> (reset first) and returns its written bytes,
    /// valid until the scratch is used again.
    /// </summary>
    public static ReadOnlyMemory<byte> Frame(WalRecord record, ByteWriter scratch)
    {
        scratch.Reset();
        scratch.UInt64BigEndian(0); // the header, patched below
        scratch.Byte(EntriesRecord);
        scratch.String(record.Tenant);
        scratch.Uvarint((ulong)record.Streams.Count);
        foreach (var stream in record.Streams)
        {
            scratch.UInt64BigEndian(stream.Fingerprint);
            scratch.UInt32BigEndian(stream.Token);
            scratch.String(stream.Labels);
            scratch.Varint(stream.Counter);
            scratch.Uvarint((ulong)stream.Entries.Count);
            foreach (var entry in stream.Entries)
            {
                BlockCodec.Write(scratch, entry);
            }
        }

        var body = scratch.WrittenSpan[FrameHeader..];
        scratch.PatchUInt32BigEndian(0, (uint)body.Length);
        scratch.PatchUInt32BigEndian(4, Crc32C.Compute(body));
        return scratch.WrittenMemory;
    }

    /// <summary>The records of one segment up to its end or its first bad frame.</summary>
    public static SegmentContents Read(ReadOnlySpan<byte> segment)
    {
        var records = new List<WalRecord>();
        var offset = 0;
        while (offset < segment.Length)
        {
            if (segment.Length - offset < FrameHeader)
            {
                return new SegmentContents(records, SegmentEnd.TornTail);
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(segment[offset..]);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(segment[(offset + 4)..]);
            if (length > (uint)(segment.Length - offset - FrameHeader))
            {
                return new SegmentContents(records, SegmentEnd.TornTail);
            }

            var body = segment.Slice(offset + FrameHeader, (int)length);
            if (length == 0 || Crc32C.Compute(body) != crc || !TryDecode(body, out var record))
            {
                return new SegmentContents(records, SegmentEnd.Corrupt);
            }

            records.Add(record);
            offset += FrameHeader + (int)length;
        }

        return new SegmentContents(records, SegmentEnd.Clean);
    }

    private static bool TryDecode(ReadOnlySpan<byte> body, out WalRecord record)
    {
        try
        {
            var reader = new ByteReader(body);
            if (reader.Byte() != EntriesRecord)
            {
                throw new FormatException("unknown WAL record type");
            }

            var tenant = reader.String();
            var count = reader.Count();
            var streams = new List<WalStreamRecord>(count);
            for (var i = 0; i < count; i++)
            {
                var fingerprint = reader.UInt64BigEndian();
                var token = reader.UInt32BigEndian();
                var labels = reader.String();
                var counter = reader.Varint();
                var entryCount = reader.Count();
                var entries = new List<LogEntry>(Math.Min(entryCount, 1024));
                for (var j = 0; j < entryCount; j++)
                {
                    entries.Add(BlockCodec.Read(ref reader));
                }

                streams.Add(new WalStreamRecord(fingerprint, token, labels, counter, entries));
            }

            if (!reader.AtEnd)
            {
                throw new FormatException("trailing bytes in WAL record");
            }

            record = new WalRecord(tenant, streams);
            return true;
        }
        catch (FormatException)
        {
            record = null!;
            return false;
        }
    }
}
