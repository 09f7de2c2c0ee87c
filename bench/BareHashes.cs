using System.Buffers.Binary;
using System.Numerics;

namespace Verified.Bench;

/// <summary>
/// The bare hash loops the routing is compared against, written here independently of the generated code so
/// the baseline cannot inherit the generated code's overhead.
/// </summary>
internal static class BareHashes
{
    public static uint Fnv1(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes)
        {
            h *= 16777619;
            h ^= b;
        }

        return h;
    }

    public static uint Murmur3(ReadOnlySpan<byte> bytes)
    {
        var h = 0u;
        var blocks = bytes.Length & ~3;
        for (var i = 0; i < blocks; i += 4)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]);
            k = BitOperations.RotateLeft(k * 0xcc9e2d51, 15) * 0x1b873593;
            h = (BitOperations.RotateLeft(h ^ k, 13) * 5) + 0xe6546b64;
        }

        var tail = 0u;
        var rest = bytes.Length & 3;
        if (rest == 3)
        {
            tail ^= (uint)bytes[blocks + 2] << 16;
        }

        if (rest >= 2)
        {
            tail ^= (uint)bytes[blocks + 1] << 8;
        }

        if (rest >= 1)
        {
            tail ^= bytes[blocks];
            h ^= BitOperations.RotateLeft(tail * 0xcc9e2d51, 15) * 0x1b873593;
        }

        h ^= (uint)bytes.Length;
        h = (h ^ (h >> 16)) * 0x85ebca6b;
        h = (h ^ (h >> 13)) * 0xc2b2ae35;
        return h ^ (h >> 16);
    }
}
