using Verified.Reference.Loki.Ingester.Wal;

namespace Verified.Reference.Loki.Ingester;

/// <summary>Everything a crash loses.</summary>
internal sealed class IngesterMemory
{
    public Dictionary<string, TenantStreams> Tenants { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Tenant, ulong Fingerprint), FlushOperation> FlushQueue { get; } = [];

    /// <summary>WAL records not yet written (only with the <see cref="IngesterFaults.WalAfterAck"/> fault).</summary>
    public List<WalRecord> PendingWal { get; } = [];
}
