using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Snappier;
using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.Chunks;

/// <summary>
/// A chunk as the object store holds it (loki pkg/storage/chunk/chunk.go <c>EncodeTo</c> / <c>Decode</c>):
/// <c>[u32 BE metaLen][snappy-framed JSON meta][u32 BE dataLen][data]</c>, where metaLen counts its own four
/// bytes (as Loki writes it) and data is <see cref="MemChunk.ToBytes"/>. The checksum in the key is the CRC-32C
/// of all of it. The meta is Loki's JSON: <c>fingerprint</c>, <c>userID</c>, <c>from</c> and <c>through</c>
/// (Prometheus model.Time: decimal seconds), <c>checksum</c> (0: it is computed after), <c>metric</c> (the stream
/// labels plus <c>__name__="logs"</c>, keys sorted) and <c>encoding</c> (129, Loki's LogChunk).
/// </summary>
public static class StoredChunk
{
    /// <summary>Loki's chunk encoding code for log chunks (pkg/chunkenc facade <c>LogChunk</c>).</summary>
    public const int LogChunkEncoding = 129;

    /// <summary>Loki's <c>ErrInvalidChecksum</c>.</summary>
    public const string InvalidChecksum = "invalid chunk checksum";

    /// <summary>Loki's <c>ErrMetadataLength</c>.</summary>
    public const string MetadataLength = "chunk metadata wrong length";

    /// <summary>Loki's <c>ErrDataLength</c>.</summary>
    public const string DataLength = "chunk data wrong length";

    /// <summary>The metric name Loki's flush adds to a chunk's labels (flush.go <c>nameLabel</c>/<c>logsValue</c>).</summary>
    public const string LogsMetricName = "logs";

    /// <summary>Encodes a closed chunk of one stream and computes its key (v12 layout via <see cref="ChunkKey.Format"/>).</summary>
    /// <exception cref="InvalidOperationException">The chunk is empty or its head block is not cut.</exception>
    public static EncodedChunk Encode(string tenant, ulong fingerprint, IReadOnlyList<Label> labels, MemChunk chunk)
    {
        if (chunk.IsEmpty)
        {
            throw new InvalidOperationException("an empty chunk has no bounds and is never stored");
        }

        var (minTs, maxTs) = chunk.Bounds;
        var (fromMs, throughMs) = ChunkKey.Bounds(minTs, maxTs);
        var meta = Snappy(MetaJson(tenant, fingerprint, fromMs, throughMs, labels));
        var data = chunk.ToBytes();
        var bytes = new byte[4 + meta.Length + 4 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)(4 + meta.Length));
        meta.CopyTo(bytes, 4);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 + meta.Length), (uint)data.Length);
        data.CopyTo(bytes, 8 + meta.Length);
        var key = new ChunkKey(tenant, fingerprint, fromMs, throughMs, Crc32C.Compute(bytes));
        return new EncodedChunk(key, bytes);
    }

    /// <summary>
    /// Decodes a stored chunk fetched under <paramref name="expected"/>: checks the checksum, that the meta names
    /// the same tenant, fingerprint and bounds (Loki's <c>wrong chunk metadata</c> otherwise), the lengths, and
    /// every block checksum; returns its labels and entries.
    /// </summary>
    /// <exception cref="FormatException">Any check failed; the message is Loki's text where Loki has one.</exception>
    public static DecodedChunk Decode(ChunkKey expected, ReadOnlySpan<byte> bytes, int blockSize = 262_144, int targetSize = 1_572_864)
    {
        var (labels, chunk) = Open(expected, bytes, blockSize, targetSize);
        return new DecodedChunk(expected, labels, [.. chunk.Entries()]);
    }

    /// <summary>
    /// Checks a stored chunk as <see cref="Decode"/> does (checksums, meta, lengths, block checksums) but leaves its
    /// blocks compressed: the querier decompresses a block only when its iteration reaches it (<see cref="MemChunk.Iterate"/>).
    /// </summary>
    /// <exception cref="FormatException">Any check failed; the message is Loki's text where Loki has one.</exception>
    public static (LabelSet Labels, MemChunk Chunk) Open(ChunkKey expected, ReadOnlySpan<byte> bytes, int blockSize = 262_144, int targetSize = 1_572_864)
    {
        if (Crc32C.Compute(bytes) != expected.Checksum)
        {
            throw new FormatException(InvalidChecksum);
        }

        if (bytes.Length < 8)
        {
            throw new FormatException(MetadataLength);
        }

        var metaLen = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (metaLen < 4 || metaLen > bytes.Length - 4)
        {
            throw new FormatException(MetadataLength);
        }

        var meta = ParseMeta(Unsnappy(bytes[4..(int)metaLen]));
        if (meta.Tenant != expected.Tenant || meta.Fingerprint != expected.Fingerprint || meta.FromMs != expected.FromMs || meta.ThroughMs != expected.ThroughMs)
        {
            throw new FormatException(ChunkKey.WrongMetadata);
        }

        var dataLen = BinaryPrimitives.ReadUInt32BigEndian(bytes[(int)metaLen..]);
        var data = bytes[((int)metaLen + 4)..];
        if (dataLen != data.Length)
        {
            throw new FormatException(DataLength);
        }

        return (meta.Labels, MemChunk.FromBytes(data, blockSize, targetSize));
    }

    /// <summary>Prometheus model.Time as JSON: milliseconds printed as decimal seconds, no trailing zeros.</summary>
    internal static string ModelTime(long ms)
    {
        var sign = ms < 0 ? "-" : string.Empty;
        var abs = ms < 0 ? -(decimal)ms : ms;
        var seconds = decimal.Truncate(abs / 1000m);
        var millis = (int)(abs - (seconds * 1000m));
        var text = seconds.ToString(CultureInfo.InvariantCulture);
        return millis == 0
            ? sign + text
            : sign + text + "." + millis.ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    private static byte[] MetaJson(string tenant, ulong fingerprint, long fromMs, long throughMs, IReadOnlyList<Label> labels)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("fingerprint", fingerprint);
            json.WriteString("userID", tenant);
            json.WritePropertyName("from");
            json.WriteRawValue(ModelTime(fromMs));
            json.WritePropertyName("through");
            json.WriteRawValue(ModelTime(throughMs));
            json.WriteNumber("checksum", 0);
            json.WriteStartObject("metric");
            var metric = labels.Where(l => l.Name != LabelParser.MetricNameLabel)
                .Append(new Label(LabelParser.MetricNameLabel, LogsMetricName))
                .OrderBy(l => l.Name, StringComparer.Ordinal);
            foreach (var label in metric)
            {
                json.WriteString(label.Name, label.Value);
            }

            json.WriteEndObject();
            json.WriteNumber("encoding", LogChunkEncoding);
            json.WriteEndObject();
        }

        // Go's json.Encoder.Encode ends every value with a newline.
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static (string Tenant, ulong Fingerprint, long FromMs, long ThroughMs, LabelSet Labels) ParseMeta(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var labels = root.GetProperty("metric").EnumerateObject()
                .Where(p => p.Name != LabelParser.MetricNameLabel)
                .Select(p => new Label(p.Name, p.Value.GetString() ?? string.Empty))
                .OrderBy(l => l.Name, Utf8Order.Instance);
            return (
                root.GetProperty("userID").GetString() ?? string.Empty,
                root.GetProperty("fingerprint").GetUInt64(),
                Milliseconds(root.GetProperty("from")),
                Milliseconds(root.GetProperty("through")),
                new LabelSet(labels));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new FormatException($"when decoding chunk metadata: {e.Message}", e);
        }
    }

    private static long Milliseconds(JsonElement seconds) => (long)decimal.Round(seconds.GetDecimal() * 1000m);

    // Loki writes the meta with snappy.NewBufferedWriter: the snappy framing (stream) format, not a raw block.
    private static byte[] Snappy(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var snappy = new SnappyStream(output, CompressionMode.Compress, leaveOpen: true))
        {
            snappy.Write(raw);
        }

        return output.ToArray();
    }

    private static byte[] Unsnappy(ReadOnlySpan<byte> framed)
    {
        try
        {
            using var input = new MemoryStream(framed.ToArray());
            using var snappy = new SnappyStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            snappy.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"when decoding chunk metadata: {e.Message}", e);
        }
    }
}
