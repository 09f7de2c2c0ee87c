using System.Text;

namespace Verified.Conformance.Placement;

/// <summary>
/// Independent models, kept on purpose as cross-checks of the generated spec code: written from the fact
/// sheets (LOKI.md, ELASTICSEARCH.md), simple and obviously correct rather than fast, sharing no code with
/// src/Reference or the generator. A property compares the reference against them.
/// </summary>
public static partial class IndependentModel
{
    /// <summary>FNV-1 32 (Go hash/fnv New32): for each byte, multiply by the prime, then XOR the byte.</summary>
    public static uint Fnv1(byte[] bytes)
    {
        uint hash = 2166136261;
        foreach (var b in bytes)
        {
            hash = unchecked(hash * 16777619);
            hash ^= b;
        }

        return hash;
    }

    /// <summary>FNV-1a 32, the trap: XOR first, then multiply. Used only to show a vector tells the two apart.</summary>
    public static uint Fnv1a(byte[] bytes)
    {
        uint hash = 2166136261;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash = unchecked(hash * 16777619);
        }

        return hash;
    }

    /// <summary>FNV-1a 64 (Loki's entry_iterator_test hashLabels helper; contrast vectors only).</summary>
    public static ulong Fnv1a64(byte[] bytes)
    {
        ulong hash = 14695981039346656037;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash = unchecked(hash * 1099511628211);
        }

        return hash;
    }

    /// <summary>Loki's stream token: FNV-1 32 over UTF-8(tenant) followed by UTF-8(canonical labels), no separator.</summary>
    public static uint LokiToken(string tenant, string canonicalLabels) =>
        Fnv1([.. Encoding.UTF8.GetBytes(tenant), .. Encoding.UTF8.GetBytes(canonicalLabels)]);

    /// <summary>
    /// The bytes Elasticsearch hashes: every UTF-16 code unit as two bytes, low byte first. Lone surrogates stay
    /// as they are (Encoding.Unicode would replace them with U+FFFD).
    /// </summary>
    public static byte[] Utf16LeBytes(string text)
    {
        var bytes = new byte[text.Length * 2];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[2 * i] = (byte)(text[i] & 0xFF);
            bytes[(2 * i) + 1] = (byte)(text[i] >> 8);
        }

        return bytes;
    }

    /// <summary>MurmurHash3 x86_32, seed 0, written out step by step from the algorithm's description.</summary>
    public static uint Murmur3(byte[] data)
    {
        const uint c1 = 0xcc9e2d51;
        const uint c2 = 0x1b873593;
        uint h = 0;
        var fullBlocks = data.Length / 4;
        for (var block = 0; block < fullBlocks; block++)
        {
            var at = block * 4;
            var k = data[at] | ((uint)data[at + 1] << 8) | ((uint)data[at + 2] << 16) | ((uint)data[at + 3] << 24);
            k = unchecked(k * c1);
            k = RotateLeft(k, 15);
            k = unchecked(k * c2);
            h ^= k;
            h = RotateLeft(h, 13);
            h = unchecked((h * 5) + 0xe6546b64);
        }

        var tailStart = fullBlocks * 4;
        var remaining = data.Length - tailStart;
        if (remaining > 0)
        {
            uint k = 0;
            for (var i = remaining - 1; i >= 0; i--)
            {
                k = (k << 8) | data[tailStart + i];
            }

            k = unchecked(k * c1);
            k = RotateLeft(k, 15);
            k = unchecked(k * c2);
            h ^= k;
        }

        h ^= (uint)data.Length;
        h ^= h >> 16;
        h = unchecked(h * 0x85ebca6b);
        h ^= h >> 13;
        h = unchecked(h * 0xc2b2ae35);
        h ^= h >> 16;
        return h;
    }

    /// <summary>Elasticsearch's routing hash: murmur3 over the UTF-16LE code units, read as a signed Java int.</summary>
    public static int Murmur3Utf16(string effectiveRouting) => unchecked((int)Murmur3(Utf16LeBytes(effectiveRouting)));

    private static uint RotateLeft(uint value, int bits) => (value << bits) | (value >> (32 - bits));
}
