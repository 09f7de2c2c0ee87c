using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Shouldly;
using Verified.Reference.Loki.Chunks;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Verified.Routing;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>MemChunk cutting, the stored-chunk encoding, its CRC-32C and its key.</summary>
public sealed class ChunkTests
{
    private static readonly LabelSet App = CanonicalLabels.Parse("{app=\"foo\", service_name=\"foo\"}", LokiRouting.Instance.CanonicalLabels);

    [Fact]
    [Trait("Requirement", "LOKI-DUR-8")]
    public void Crc32C_HasTheCastagnoliCheckValue() =>
        Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")).ShouldBe(0xE3069283u);

    [Fact]
    public void HeadBlock_IsCutIntoABlockOnceItReachesTheBlockSize()
    {
        var chunk = new MemChunk(blockSize: 100, targetSize: 0);
        for (var i = 0; i < 3; i++)
        {
            chunk.Append(new LogEntry(i, new string('x', 30)));
        }

        chunk.BlockCount.ShouldBe(0);
        chunk.Append(new LogEntry(3, new string('x', 30)));
        chunk.BlockCount.ShouldBe(1);
        chunk.HeadIsEmpty.ShouldBeTrue();
        chunk.UncompressedSize.ShouldBe(120);
        chunk.CutBlockSize.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void SpaceFor_IsStrictlyBelowTheTarget_CountingCompressedBlocksAndTheUncompressedHead()
    {
        var chunk = new MemChunk(blockSize: 1000, targetSize: 100);
        chunk.Append(new LogEntry(1, new string('a', 60)));
        chunk.SpaceFor(new LogEntry(2, new string('b', 39))).ShouldBeTrue();   // 60 + 39 = 99 < 100
        chunk.SpaceFor(new LogEntry(2, new string('b', 40))).ShouldBeFalse();  // 100 is not < 100
        chunk.Utilization.ShouldBe(0.6);
    }

    [Fact]
    public void WithoutATarget_AChunkHoldsTenBlocks()
    {
        var chunk = new MemChunk(blockSize: 10, targetSize: 0);
        for (var i = 0; i < MemChunk.BlocksPerChunk; i++)
        {
            chunk.SpaceFor(new LogEntry(i, "0123456789")).ShouldBeTrue();
            chunk.Append(new LogEntry(i, "0123456789"));
        }

        chunk.SpaceFor(new LogEntry(99, "x")).ShouldBeFalse();
    }

    [Fact]
    public void HeadBlock_DropsAnEntryWithTheSameTimestampAndLine_ButKeepsOtherLinesAtThatTimestampInArrivalOrder()
    {
        var chunk = new MemChunk(1000, 0);
        chunk.Append(new LogEntry(5, "b")).ShouldBeFalse();
        chunk.Append(new LogEntry(5, "a")).ShouldBeFalse();
        chunk.Append(new LogEntry(5, "b")).ShouldBeTrue();
        chunk.Append(new LogEntry(1, "z")).ShouldBeFalse();
        chunk.Entries().Select(e => (e.TimestampNs, e.Line)).ShouldBe([(1L, "z"), (5L, "b"), (5L, "a")]);
    }

    [Fact]
    public void Close_RebuildsOverlappingBlocksInTimestampOrder()
    {
        var chunk = new MemChunk(blockSize: 20, targetSize: 0);
        foreach (var ts in new long[] { 50, 60, 10, 20, 30, 40 })
        {
            chunk.Append(new LogEntry(ts, "0123456789"));
        }

        chunk.Close();
        var bounds = chunk.Blocks.Select(b => (b.MinTs, b.MaxTs)).ToList();
        bounds.ShouldBe([(10L, 20L), (30L, 40L), (50L, 60L)]);
        chunk.Entries().Select(e => e.TimestampNs).ShouldBe([10L, 20, 30, 40, 50, 60]);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-8")]
    public void StoredChunk_RoundTrips_WithStructuredMetadataAndManyBlocks()
    {
        var chunk = new MemChunk(blockSize: 64, targetSize: 0);
        var entries = Enumerable.Range(0, 40)
            .Select(i => new LogEntry(1_000_000_000L * (40 - i), $"line {i} ünïcode", i % 3 == 0 ? [new Label("trace_id", $"t{i}")] : ImmutableArray<Label>.Empty))
            .ToList();
        foreach (var entry in entries)
        {
            chunk.Append(entry);
        }

        chunk.Close();
        var encoded = StoredChunk.Encode("fake", 42, App, chunk);
        var decoded = StoredChunk.Decode(encoded.Key, encoded.Bytes, 64, 0);

        decoded.Entries.ShouldBe(entries.OrderBy(e => e.TimestampNs));
        decoded.Labels.ShouldBe(App);
        encoded.Key.Checksum.ShouldBe(Crc32C.Compute(encoded.Bytes));
        encoded.ObjectKey.ShouldBe(encoded.Key.Format());
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-8")]
    public void StoredChunk_Layout_IsMetaLengthSnappyFramedJsonDataLengthData()
    {
        var chunk = new MemChunk(1000, 0);
        chunk.Append(new LogEntry(1_500_000, "a"));
        chunk.Append(new LogEntry(7_000_000, "b"));
        chunk.Close();
        var bytes = StoredChunk.Encode("fake", 0x672c477b462e31c3, App, chunk).Bytes;

        var metaLen = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes);
        // The snappy framing format's stream identifier chunk opens the meta (snappy.NewBufferedWriter).
        bytes.AsSpan(4, 10).ToArray().ShouldBe(new byte[] { 0xff, 0x06, 0x00, 0x00, (byte)'s', (byte)'N', (byte)'a', (byte)'P', (byte)'p', (byte)'Y' });
        var dataLen = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(metaLen));
        (metaLen + 4 + dataLen).ShouldBe(bytes.Length);
        BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(metaLen + 4)).ShouldBe(MemChunk.MagicNumber);

        using var meta = JsonDocument.Parse(Unsnappy(bytes.AsSpan(4, metaLen - 4).ToArray()));
        var root = meta.RootElement;
        root.GetProperty("fingerprint").GetUInt64().ShouldBe(0x672c477b462e31c3UL);
        root.GetProperty("userID").GetString().ShouldBe("fake");
        root.GetProperty("from").GetRawText().ShouldBe("0.001");
        root.GetProperty("through").GetRawText().ShouldBe("0.007");
        root.GetProperty("encoding").GetInt32().ShouldBe(StoredChunk.LogChunkEncoding);
        root.GetProperty("metric").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").ShouldBe(["__name__=logs", "app=foo", "service_name=foo"]);
    }

    [Fact]
    [Trait("Requirement", "LOKI-DUR-8")]
    public void StoredChunk_Key_UsesTheBoundsInMillisecondsRoundingTheEndUp_AndTheDerivedVectorFingerprint()
    {
        var vectors = JsonDocument.Parse(File.ReadAllText(SharedVectors.PathOf("loki/chunk_key_vectors.json"))).RootElement;
        var derived = vectors.GetProperty("derived_example").GetProperty("key").GetString()!;
        var expected = ChunkKey.Parse("fake", derived);
        LabelHashes.Fingerprint(App).ShouldBe(expected.Fingerprint);

        var chunk = new MemChunk(1000, 0);
        chunk.Append(new LogEntry(expected.FromMs * 1_000_000, "first"));
        chunk.Append(new LogEntry((expected.ThroughMs * 1_000_000) - 1, "last, with a sub-millisecond part"));
        chunk.Close();
        var key = StoredChunk.Encode("fake", LabelHashes.Fingerprint(App), App, chunk).Key;

        key.Format().ShouldStartWith(derived[..derived.LastIndexOf(':')] + ":");
        key.Format().ShouldBe($"fake/672c477b462e31c3/18bcfe56800:18bd01c5680:{key.Checksum:x}");
    }

    [Fact]
    public void StoredChunk_UpstreamKeyVector_FormatsBack()
    {
        var vectors = JsonDocument.Parse(File.ReadAllText(SharedVectors.PathOf("loki/chunk_key_vectors.json"))).RootElement;
        foreach (var row in vectors.GetProperty("upstream").GetProperty("cases").EnumerateArray().Where(r => r.TryGetProperty("checksum", out _)))
        {
            var key = new ChunkKey("userID", row.GetProperty("fingerprint").GetUInt64(), row.GetProperty("from_ms").GetInt64(), row.GetProperty("through_ms").GetInt64(), row.GetProperty("checksum").GetUInt32());
            key.Format(v12: row.GetProperty("key").GetString()!.Count(c => c == '/') == 2).ShouldBe(row.GetProperty("key").GetString());
        }
    }

    [Fact]
    public void StoredChunk_Decode_RejectsABadChecksumAndMetadataForAnotherKey()
    {
        var chunk = new MemChunk(1000, 0);
        chunk.Append(new LogEntry(5_000_000, "x"));
        chunk.Close();
        var encoded = StoredChunk.Encode("fake", 9, App, chunk);

        var flipped = encoded.Bytes.ToArray();
        flipped[^3] ^= 0x40;
        Should.Throw<FormatException>(() => StoredChunk.Decode(encoded.Key, flipped)).Message.ShouldBe(StoredChunk.InvalidChecksum);
        Should.Throw<FormatException>(() => StoredChunk.Decode(encoded.Key with { Fingerprint = 10 }, encoded.Bytes)).Message.ShouldBe(ChunkKey.WrongMetadata);
    }

    [Fact]
    public void Encode_RefusesAChunkWithAnUncutHead() =>
        Should.Throw<InvalidOperationException>(() =>
        {
            var chunk = new MemChunk(1000, 0);
            chunk.Append(new LogEntry(1, "x"));
            StoredChunk.Encode("fake", 1, App, chunk);
        });

    [Theory]
    [InlineData(655200000L, "655200")]
    [InlineData(1500L, "1.5")]
    [InlineData(1005L, "1.005")]
    [InlineData(1050L, "1.05")]
    [InlineData(0L, "0")]
    [InlineData(-1500L, "-1.5")]
    public void ModelTime_PrintsMillisecondsAsDecimalSeconds(long ms, string expected) => StoredChunk.ModelTime(ms).ShouldBe(expected);

    [Fact]
    public void MemChunk_FromBytes_VerifiesBlockChecksums()
    {
        var chunk = new MemChunk(1000, 0);
        chunk.Append(new LogEntry(1, "hello"));
        chunk.Close();
        var data = chunk.ToBytes();
        MemChunk.FromBytes(data, 1000, 0).Entries().Single().Line.ShouldBe("hello");
        data[7] ^= 0xff;
        Should.Throw<FormatException>(() => MemChunk.FromBytes(data, 1000, 0));
    }

    private static byte[] Unsnappy(byte[] framed)
    {
        using var input = new MemoryStream(framed);
        using var snappy = new Snappier.SnappyStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        snappy.CopyTo(output);
        return output.ToArray();
    }
}
