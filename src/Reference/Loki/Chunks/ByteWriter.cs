using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Verified.Reference.Loki.Chunks;

/// <summary>
/// Appends the integer encodings Loki's binary formats use (Go <c>encoding/binary</c>): unsigned varints,
/// zig-zag signed varints and big-endian fixed widths, plus length-prefixed UTF-8 strings.
/// </summary>
internal sealed class ByteWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public ByteWriter(int initialCapacity = 256) => _buffer = new ArrayBufferWriter<byte>(Math.Max(initialCapacity, 16));

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    /// <summary>Forgets what was written and keeps the buffer, so a writer used over and over stops allocating.</summary>
    public void Reset() => _buffer.ResetWrittenCount();

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    /// <summary>Go <c>binary.PutUvarint</c>: 7 bits per byte, low group first, high bit = more.</summary>
    public void Uvarint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        _buffer.Advance(n);
    }

    /// <summary>Go <c>binary.PutVarint</c>: zig-zag, then <see cref="Uvarint"/>.</summary>
    public void Varint(long value) => Uvarint((ulong)((value << 1) ^ (value >> 63)));

    public void UInt32BigEndian(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void UInt64BigEndian(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void Bytes(ReadOnlySpan<byte> data) => _buffer.Write(data);

    /// <summary>A uvarint byte count followed by the bytes.</summary>
    public void LengthPrefixed(ReadOnlySpan<byte> data)
    {
        Uvarint((ulong)data.Length);
        _buffer.Write(data);
    }

    /// <summary>A uvarint UTF-8 byte count followed by the UTF-8 bytes.</summary>
    public void String(string value)
    {
        var size = Encoding.UTF8.GetByteCount(value);
        Uvarint((ulong)size);
        var span = _buffer.GetSpan(Math.Max(size, 1));
        Encoding.UTF8.GetBytes(value, span);
        _buffer.Advance(size);
    }

    /// <summary>Overwrites four bytes at <paramref name="offset"/> (a length reserved earlier).</summary>
    public void PatchUInt32BigEndian(int offset, uint value)
    {
        // ArrayBufferWriter exposes its written bytes read-only; the patch goes through the backing memory.
        var written = MemoryMarshal.AsMemory(_buffer.WrittenMemory);
        BinaryPrimitives.WriteUInt32BigEndian(written.Span[offset..], value);
    }
}
