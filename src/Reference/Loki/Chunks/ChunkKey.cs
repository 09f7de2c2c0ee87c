using System.Globalization;

namespace Verified.Reference.Loki.Chunks;

/// <summary>
/// The object-store key of a chunk (loki pkg/storage/config/schema_config.go ExternalKey, pkg/storage/chunk
/// ParseExternalKey): lowercase hex fingerprint, from and through in milliseconds, CRC-32C checksum.
/// v12+: <c>tenant/fp/from:through:checksum</c>; older schemas: <c>tenant/fp:from:through:checksum</c>.
/// </summary>
/// <param name="Tenant">Tenant (user) id.</param>
/// <param name="Fingerprint">Stream fingerprint.</param>
/// <param name="FromMs">First entry, Unix milliseconds (floor).</param>
/// <param name="ThroughMs">Last entry, Unix milliseconds (rounded up when it has a sub-millisecond part).</param>
/// <param name="Checksum">CRC-32C of the encoded chunk.</param>
public sealed record ChunkKey(string Tenant, ulong Fingerprint, long FromMs, long ThroughMs, uint Checksum)
{
    /// <summary>Loki's error when a key's tenant is not the expected one: <c>ErrWrongMetadata</c>.</summary>
    public const string WrongMetadata = "wrong chunk metadata";

    /// <summary>The key in the v12+ layout (true) or the older one (false).</summary>
    public string Format(bool v12 = true) => v12
        ? string.Create(CultureInfo.InvariantCulture, $"{Tenant}/{Fingerprint:x}/{FromMs:x}:{ThroughMs:x}:{Checksum:x}")
        : string.Create(CultureInfo.InvariantCulture, $"{Tenant}/{Fingerprint:x}:{FromMs:x}:{ThroughMs:x}:{Checksum:x}");

    /// <inheritdoc />
    public override string ToString() => Format();

    /// <summary>The chunk bounds of entries from <paramref name="firstNs"/> to <paramref name="lastNs"/> (Unix ns).</summary>
    public static (long FromMs, long ThroughMs) Bounds(long firstNs, long lastNs)
    {
        var from = Math.DivRem(firstNs, 1_000_000L).Quotient;
        var (through, remainder) = Math.DivRem(lastNs, 1_000_000L);
        return (from, remainder != 0 ? through + 1 : through);
    }

    /// <summary>Parses a key of either layout for <paramref name="tenant"/>; throws <see cref="FormatException"/> (Loki's text for a wrong tenant).</summary>
    public static ChunkKey Parse(string tenant, string key)
    {
        if (!key.StartsWith(tenant + "/", StringComparison.Ordinal))
        {
            throw new FormatException(WrongMetadata);
        }

        var rest = key[(tenant.Length + 1)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        string fp;
        string[] parts;
        if (slash >= 0)
        {
            fp = rest[..slash];
            parts = rest[(slash + 1)..].Split(':');
        }
        else
        {
            var all = rest.Split(':');
            fp = all[0];
            parts = all[1..];
        }

        if (parts.Length != 3)
        {
            throw new FormatException($"invalid chunk key '{key}': expected from:through:checksum");
        }

        return new ChunkKey(tenant, Hex(fp, key), (long)Hex(parts[0], key), (long)Hex(parts[1], key), (uint)Hex(parts[2], key));
    }

    private static ulong Hex(string text, string key) =>
        ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"invalid chunk key '{key}': '{text}' is not hex");
}
