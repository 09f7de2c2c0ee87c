using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Verified.Generators.Tests.TestHelpers;

/// <summary>
/// Independent, deliberately plain implementations of the vocabulary's hash functions, written from the
/// algorithms' definitions, to compare the generated code against. xxhash64 comes from System.IO.Hashing.
/// </summary>
internal static class ReferenceHashes
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>FNV-1 32 (Go hash/fnv New32): multiply, then XOR.</summary>
    public static uint Fnv1(ReadOnlySpan<byte> data)
    {
        var h = FnvOffset;
        foreach (var b in data)
        {
            h = (h * FnvPrime) ^ b;
        }

        return h;
    }

    /// <summary>FNV-1a 32: XOR, then multiply.</summary>
    public static uint Fnv1a(ReadOnlySpan<byte> data)
    {
        var h = FnvOffset;
        foreach (var b in data)
        {
            h = (h ^ b) * FnvPrime;
        }

        return h;
    }

    /// <summary>MurmurHash3 x86_32 (Appleby's reference, as Lucene StringHelper.murmurhash3_x86_32).</summary>
    public static uint Murmur3X86(ReadOnlySpan<byte> data, uint seed)
    {
        const uint c1 = 0xcc9e2d51;
        const uint c2 = 0x1b873593;
        var h = seed;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            h ^= Scramble(BinaryPrimitives.ReadUInt32LittleEndian(data[i..]), c1, c2);
            h = (BitOperations.RotateLeft(h, 13) * 5) + 0xe6546b64;
        }

        uint k = 0;
        for (var j = data.Length - 1; j >= i; j--)
        {
            k = (k << 8) | data[j];
        }

        if (data.Length > i)
        {
            h ^= Scramble(k, c1, c2);
        }

        h ^= (uint)data.Length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >> 16);
    }

    /// <summary>The bytes of <paramref name="text"/> as UTF-16LE code units, lone surrogates as they are.</summary>
    public static byte[] Utf16Le(string text)
    {
        var bytes = new byte[text.Length * 2];
        for (var i = 0; i < text.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), text[i]);
        }

        return bytes;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Low 32 bits of XXH64 — the fold the vocabulary defines for a 32-bit token space.</summary>
    public static uint XxHash64Low32(ReadOnlySpan<byte> data, long seed) => unchecked((uint)System.IO.Hashing.XxHash64.HashToUInt64(data, seed));

    private static uint Scramble(uint k, uint c1, uint c2) => BitOperations.RotateLeft(k * c1, 15) * c2;
}
