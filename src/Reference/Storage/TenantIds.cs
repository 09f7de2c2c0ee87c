using System.Text;

namespace Verified.Reference.Storage;

/// <summary>
/// Loki's tenant-ID rule, dskit <c>tenant.ValidTenantID</c> (grafana/dskit tenant/tenant.go, at commit
/// 06829887f955c8b70bcac1c948a4b7ea3cd811f3): every byte of the UTF-8 form is one of a–z A–Z 0–9 <c>! - _ . * ' ( )</c>;
/// then at most 150 bytes; then neither "." nor "..". The checks run in that order and the first failing one is
/// reported with dskit's exact text. Tenants become object-key and directory names, so this rule is what keeps them
/// from carrying a path.
/// </summary>
public static class TenantIds
{
    /// <summary>dskit <c>MaxTenantIDLength</c>: in bytes.</summary>
    public const int MaxLength = 150;

    /// <summary>dskit <c>errTenantIDTooLong</c>.</summary>
    public const string TooLong = "tenant ID is too long: max 150 characters";

    /// <summary>dskit <c>errUnsafeTenantID</c>.</summary>
    public const string Unsafe = "tenant ID is '.' or '..'";

    /// <summary>
    /// Null when <paramref name="tenant"/> is valid, else dskit's error text. The empty string is valid here, as in
    /// dskit: an empty org ID is refused earlier, by the HTTP layer ("no org id").
    /// </summary>
    public static string? Validate(string tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var bytes = Encoding.UTF8.GetBytes(tenant);
        foreach (var b in bytes)
        {
            if (!IsAllowed(b))
            {
                return UnsupportedCharacter(tenant, b);
            }
        }

        if (bytes.Length > MaxLength)
        {
            return TooLong;
        }

        return tenant is "." or ".." ? Unsafe : null;
    }

    /// <summary>dskit <c>errTenantIDUnsupportedCharacter</c>: Go's <c>%c</c> of the offending <em>byte</em>, so a
    /// non-ASCII character shows as its first UTF-8 byte read as a code point (é → 'Ã').</summary>
    private static string UnsupportedCharacter(string tenant, byte offending) =>
        $"tenant ID '{tenant}' contains unsupported character '{(char)offending}'";

    private static bool IsAllowed(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'!' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'*' or (byte)'\'' or (byte)'(' or (byte)')';
}
