using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Verified.Reference.Loki.Labels;

/// <summary>
/// The other label hashes Loki uses (not the ring token): Prometheus <c>labels.StableHash</c> — xxhash64, seed 0,
/// over <c>name 0xFF value 0xFF …</c> for labels sorted by name — and the ingester fingerprint, the same hash
/// without <c>__name__</c> (before Loki's per-tenant collision remapping).
/// </summary>
public static class LabelHashes
{
    private const byte Separator = 0xFF;

    /// <summary>Prometheus StableHash of <paramref name="labels"/> (already sorted by name).</summary>
    public static ulong StableHash(IReadOnlyList<Label> labels) => Hash(labels, skipName: null);

    /// <summary>The ingester fingerprint before remapping: StableHash without <c>__name__</c>.</summary>
    public static ulong Fingerprint(IReadOnlyList<Label> labels) => Hash(labels, skipName: LabelParser.MetricNameLabel);

    private static ulong Hash(IReadOnlyList<Label> labels, string? skipName)
    {
        var hasher = new XxHash64(0);
        var buffer = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            foreach (var label in labels)
            {
                if (label.Name == skipName)
                {
                    continue;
                }

                Append(hasher, label.Name, ref buffer);
                Append(hasher, label.Value, ref buffer);
            }

            return hasher.GetCurrentHashAsUInt64();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Append(XxHash64 hasher, string text, ref byte[] buffer)
    {
        var size = Encoding.UTF8.GetByteCount(text) + 1;
        if (size > buffer.Length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(size);
        }

        var n = Encoding.UTF8.GetBytes(text, buffer);
        buffer[n] = Separator;
        hasher.Append(buffer.AsSpan(0, n + 1));
    }
}
