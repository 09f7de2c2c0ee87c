using System.Buffers.Binary;
using System.Text;

namespace Verified.Reference.Loki.Chunks;

/// <summary>
/// Reads what <see cref="ByteWriter"/> writes. Every read checks bounds and throws <see cref="FormatException"/>
/// on truncated or malformed input, so a torn or corrupt file is reported, never misread.
/// </summary>
internal ref struct ByteReader
{
    private readonly ReadOnlySpan<byte> _data;

    public ByteReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public readonly bool AtEnd => Position >= _data.Length;

    public byte Byte()
    {
        Need(1);
        return _data[Position++];
    }

    public ulong Uvarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = Byte();
            if (shift == 63 && b > 1)
            {
                throw new FormatException("varint overflows a 64-bit integer");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("varint overflows a 64-bit integer");
    }

    public long Varint()
    {
        var u = Uvarint();
        return (long)(u >> 1) ^ -(long)(u & 1);
    }

    /// <summary>A uvarint that must fit a non-negative int (a count or a length).</summary>
    public int Count()
    {
        var value = Uvarint();
        return value > int.MaxValue ? throw new FormatException($"count {value} is too large") : (int)value;
    }

    public uint UInt32BigEndian()
    {
        Need(4);
        var value = BinaryPrimitives.ReadUInt32BigEndian(_data[Position..]);
        Position += 4;
        return value;
    }

    public ulong UInt64BigEndian()
    {
        Need(8);
        var value = BinaryPrimitives.ReadUInt64BigEndian(_data[Position..]);
        Position += 8;
        return value;
    }

    public ReadOnlySpan<byte> Bytes(int length)
    {
        Need(length);
        var slice = _data.Slice(Position, length);
        Position += length;
        return slice;
    }

    public ReadOnlySpan<byte> LengthPrefixed() => Bytes(Count());

    public string String() => Encoding.UTF8.GetString(LengthPrefixed());

    private readonly void Need(int n)
    {
        if (n < 0 || n > _data.Length - Position)
        {
            throw new FormatException($"truncated: need {n} bytes at offset {Position}, have {_data.Length - Position}");
        }
    }
}
