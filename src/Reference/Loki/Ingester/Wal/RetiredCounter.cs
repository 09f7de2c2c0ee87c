namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>The entry counter of a stream no longer in memory, kept so that a re-created stream continues it.</summary>
internal sealed record RetiredCounter(string Tenant, string Labels, long Counter);
