using System.Globalization;
using System.Linq;
using Verified.Generators.Model;

namespace Verified.Generators.Emit;

/// <summary>Emits the hash function of the vocabulary and the key encoder that feeds it.</summary>
internal static class HashEmitter
{
    /// <summary>Key buffers up to this size live on the stack; larger ones are rented, so the hot path never allocates.</summary>
    private const int StackLimit = 512;

    public static void EmitHashBytes(IndentedWriter w, HashModel hash)
    {
        w.Line("/// <summary>The spec's hash (" + hash.Function + ") over raw key bytes, as a 32-bit value.</summary>");
        using (w.Block("public static uint HashBytes(global::System.ReadOnlySpan<byte> bytes)"))
        {
            switch (hash.Function)
            {
                case "fnv1-32":
                    w.Lines("""
                        // FNV-1: multiply first, then XOR (Go hash/fnv New32). FNV-1a is the other order.
                        uint h = 2166136261;
                        foreach (var b in bytes)
                        {
                            h *= 16777619;
                            h ^= b;
                        }

                        return h;
                        """);
                    break;
                case "fnv1a-32":
                    w.Lines("""
                        // FNV-1a: XOR first, then multiply.
                        uint h = 2166136261;
                        foreach (var b in bytes)
                        {
                            h ^= b;
                            h *= 16777619;
                        }

                        return h;
                        """);
                    break;
                case "murmur3-x86-32":
                    w.Line("// MurmurHash3 x86_32 (Lucene StringHelper.murmurhash3_x86_32).");
                    w.Line("uint h = " + hash.Seed.ToString(CultureInfo.InvariantCulture) + "u;");
                    w.Lines("""
                        const uint c1 = 0xcc9e2d51;
                        const uint c2 = 0x1b873593;
                        var blocks = bytes.Length & ~3;
                        for (var i = 0; i < blocks; i += 4)
                        {
                            var k = global::System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(i, 4));
                            k *= c1;
                            k = global::System.Numerics.BitOperations.RotateLeft(k, 15);
                            k *= c2;
                            h ^= k;
                            h = global::System.Numerics.BitOperations.RotateLeft(h, 13);
                            h = (h * 5) + 0xe6546b64;
                        }

                        uint tail = 0;
                        switch (bytes.Length & 3)
                        {
                            case 3:
                                tail ^= (uint)bytes[blocks + 2] << 16;
                                goto case 2;
                            case 2:
                                tail ^= (uint)bytes[blocks + 1] << 8;
                                goto case 1;
                            case 1:
                                tail ^= bytes[blocks];
                                tail *= c1;
                                tail = global::System.Numerics.BitOperations.RotateLeft(tail, 15);
                                tail *= c2;
                                h ^= tail;
                                break;
                        }

                        h ^= (uint)bytes.Length;
                        h ^= h >> 16;
                        h *= 0x85ebca6b;
                        h ^= h >> 13;
                        h *= 0xc2b2ae35;
                        h ^= h >> 16;
                        return h;
                        """);
                    break;
                case "xxhash64":
                    w.Line("// XXH64 (System.IO.Hashing), folded to its low 32 bits for a 32-bit token space.");
                    w.Line("return unchecked((uint)global::System.IO.Hashing.XxHash64.HashToUInt64(bytes, " + unchecked((long)hash.Seed).ToString(CultureInfo.InvariantCulture) + "L));");
                    break;
            }
        }
    }

    /// <summary>Emits <c>HashKey(part1, part2, …)</c>: encodes the key parts, back to back, and hashes them.</summary>
    public static void EmitHashKey(IndentedWriter w, HashModel hash, EquatableArray<string> keyParts)
    {
        var parameters = string.Join(", ", keyParts.Select(p => "string " + Literal.Camel(p)));
        var names = keyParts.Select(Literal.Camel).ToList();
        var description = hash.Encoding == "utf8" ? "UTF-8" : "UTF-16LE code units (lone surrogates as they are)";
        w.Line($"/// <summary>Hashes {string.Join(" || ", names)} encoded as {description}, with no separator.</summary>");
        using (w.Block($"public static uint HashKey({parameters})"))
        {
            if (hash.Encoding == "utf16le" && names.Count == 1)
            {
                w.Line("// UTF-16LE is the in-memory form of a .NET string on little-endian machines: no copy.");
                using (w.Block("if (global::System.BitConverter.IsLittleEndian)"))
                {
                    w.Line($"return HashBytes(global::System.Runtime.InteropServices.MemoryMarshal.AsBytes(global::System.MemoryExtensions.AsSpan({names[0]})));");
                }

                w.Line();
            }

            var size = hash.Encoding == "utf8"
                ? string.Join(" + ", names.Select(n => $"global::System.Text.Encoding.UTF8.GetByteCount({n})"))
                : "(" + string.Join(" + ", names.Select(n => n + ".Length")) + ") * 2";
            w.Line($"var size = {size};");
            w.Line("byte[]? rented = null;");
            w.Line($"global::System.Span<byte> buffer = size <= {StackLimit} ? stackalloc byte[size] : (rented = global::System.Buffers.ArrayPool<byte>.Shared.Rent(size));");
            using (w.Block("try"))
            {
                w.Line("var length = 0;");
                foreach (var n in names)
                {
                    if (hash.Encoding == "utf8")
                    {
                        w.Line($"length += global::System.Text.Encoding.UTF8.GetBytes({n}, buffer.Slice(length));");
                    }
                    else
                    {
                        using (w.Block($"foreach (var c in {n})"))
                        {
                            w.Line("global::System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(buffer.Slice(length, 2), c);");
                            w.Line("length += 2;");
                        }
                    }
                }

                w.Line("return HashBytes(buffer.Slice(0, length));");
            }

            using (w.Block("finally"))
            {
                using (w.Block("if (rented is not null)"))
                {
                    w.Line("global::System.Buffers.ArrayPool<byte>.Shared.Return(rented);");
                }
            }
        }
    }
}
