using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Chunks;

/// <summary>
/// The uncompressed layout of a block's entries, after Loki's unordered head block <c>Serialise</c>: per entry a
/// varint timestamp, a uvarint line length and the line, then a uvarint count of structured metadata pairs and
/// each name and value length-prefixed. (Loki V4 writes symbol references into a per-chunk symbol table; this
/// model writes the strings inline.)
/// </summary>
internal static class BlockCodec
{
    public static void Write(ByteWriter writer, LogEntry entry)
    {
        writer.Varint(entry.TimestampNs);
        writer.String(entry.Line);
        writer.Uvarint((ulong)entry.StructuredMetadata.Length);
        foreach (var label in entry.StructuredMetadata)
        {
            writer.String(label.Name);
            writer.String(label.Value);
        }
    }

    public static LogEntry Read(ref ByteReader reader)
    {
        var ts = reader.Varint();
        var line = reader.String();
        var pairs = reader.Count();
        if (pairs == 0)
        {
            return new LogEntry(ts, line);
        }

        var metadata = ImmutableArray.CreateBuilder<Label>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            var name = reader.String();
            metadata.Add(new Label(name, reader.String()));
        }

        return new LogEntry(ts, line, metadata.MoveToImmutable());
    }

    /// <summary>Serialises and compresses entries (already in order) into a block.</summary>
    public static ChunkBlock Cut(ChunkEncoding encoding, IEnumerable<LogEntry> entries, int count, long minTs, long maxTs, int uncompressedSize)
    {
        var writer = new ByteWriter(Math.Max(uncompressedSize + (count * 8), 64));
        foreach (var entry in entries)
        {
            Write(writer, entry);
        }

        return new ChunkBlock(BlockCompression.Compress(encoding, writer.WrittenSpan), count, minTs, maxTs, uncompressedSize);
    }

    /// <summary>The entries of <paramref name="block"/>, in stored order.</summary>
    public static List<LogEntry> Entries(ChunkEncoding encoding, ChunkBlock block)
    {
        var raw = BlockCompression.Decompress(encoding, block.Data);
        var reader = new ByteReader(raw);
        var entries = new List<LogEntry>(block.Entries);
        while (!reader.AtEnd)
        {
            entries.Add(Read(ref reader));
        }

        if (entries.Count != block.Entries)
        {
            throw new FormatException($"block holds {entries.Count} entries, its meta says {block.Entries}");
        }

        return entries;
    }
}
