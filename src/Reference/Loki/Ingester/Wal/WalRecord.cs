namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>
/// One push's entries for one tenant, as the WAL keeps them (loki pkg/ingester/wal/encoding.go <c>Record</c>).
/// Unlike Loki, which writes a stream's labels once (a series record) and refers to it by fingerprint afterwards,
/// every stream here carries its labels and token, so a lost or torn record never orphans a later one.
/// </summary>
/// <param name="Tenant">Tenant.</param>
/// <param name="Streams">Per stream: the appended entries and the counter after them.</param>
internal sealed record WalRecord(string Tenant, IReadOnlyList<WalStreamRecord> Streams);
