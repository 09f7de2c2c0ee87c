using System.IO.Compression;

namespace Verified.Reference.Loki.Chunks;

/// <summary>
/// The real compressors behind <see cref="ChunkEncoding"/>. gzip uses System.IO.Compression at
/// <see cref="CompressionLevel.Optimal"/> (zlib level 6, Go's <c>gzip.DefaultCompression</c>). .NET writes a fixed
/// gzip header (no name, no modification time), so the same block always compresses to the same bytes in the
/// same runtime — replicas fed the same entries produce byte-identical chunks and therefore identical keys.
/// </summary>
internal static class BlockCompression
{
    public static byte[] Compress(ChunkEncoding encoding, ReadOnlySpan<byte> raw)
    {
        switch (encoding)
        {
            case ChunkEncoding.None:
                return raw.ToArray();
            case ChunkEncoding.Gzip:
                using (var output = new MemoryStream())
                {
                    using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
                    {
                        gzip.Write(raw);
                    }

                    return output.ToArray();
                }

            default:
                throw new NotSupportedException($"chunk encoding {encoding} is not supported");
        }
    }

    public static byte[] Decompress(ChunkEncoding encoding, ReadOnlySpan<byte> compressed)
    {
        switch (encoding)
        {
            case ChunkEncoding.None:
                return compressed.ToArray();
            case ChunkEncoding.Gzip:
                try
                {
                    using var input = new MemoryStream(compressed.ToArray());
                    using var gzip = new GZipStream(input, CompressionMode.Decompress);
                    using var output = new MemoryStream();
                    gzip.CopyTo(output);
                    return output.ToArray();
                }
                catch (InvalidDataException e)
                {
                    throw new FormatException($"corrupt gzip block: {e.Message}", e);
                }

            default:
                throw new FormatException($"unknown chunk encoding {(byte)encoding}");
        }
    }
}
