namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// dskit <c>tenant.TenantID</c> over an <c>X-Scope-OrgID</c> value (dskit tenant/resolver.go, user/id.go): empty →
/// 401 <c>no org id</c>; otherwise the first <c>|</c>-separated id, with <c>:metadata</c> trimmed, must be valid
/// and every other id must be the same tenant, else 400 with dskit's text.
/// </summary>
internal static class TenantHeader
{
    private const char TenantSeparator = '|';
    private const char MetadataSeparator = ':';

    /// <summary>The tenant, or the status and text to answer with.</summary>
    public static (string Tenant, int Status, string? Error) Resolve(string orgId, Func<string, string?> validate)
    {
        if (string.IsNullOrEmpty(orgId))
        {
            return (string.Empty, 401, ValidationMessages.NoOrgId);
        }

        var parts = orgId.Split(TenantSeparator);
        var tenant = TrimMetadata(parts[0]);
        if (validate(tenant) is { } error)
        {
            return (string.Empty, 400, error);
        }

        for (var i = 1; i < parts.Length; i++)
        {
            if (!string.Equals(TrimMetadata(parts[i]), tenant, StringComparison.Ordinal))
            {
                return (string.Empty, 400, ValidationMessages.TooManyOrgIds);
            }
        }

        return (tenant, 0, null);
    }

    private static string TrimMetadata(string orgId)
    {
        var at = orgId.IndexOf(MetadataSeparator, StringComparison.Ordinal);
        return at < 0 ? orgId : orgId[..at];
    }
}
