using System.IO.Hashing;

namespace Verified.Reference.Loki.Chunks;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78, init and final XOR 0xFFFFFFFF): the checksum of Loki's
/// chunk keys (Go <c>crc32.MakeTable(crc32.Castagnoli)</c>, loki pkg/storage/chunk/chunk.go) and of its chunk
/// blocks. System.IO.Hashing 11 ships it as <see cref="Crc32ParameterSet.Crc32C"/> (hardware-accelerated), so
/// no table of our own is needed; the check value of "123456789" is 0xE3069283.
/// </summary>
public static class Crc32C
{
    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, data);
}
