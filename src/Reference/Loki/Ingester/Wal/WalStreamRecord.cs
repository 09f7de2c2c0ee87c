using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>A stream's part of a <see cref="WalRecord"/> (Loki's <c>RefEntries</c>).</summary>
/// <param name="Fingerprint">The stream's fingerprint when written.</param>
/// <param name="Token">Its ring token.</param>
/// <param name="Labels">Its canonical labels.</param>
/// <param name="Counter">The stream's entry count after these entries were appended.</param>
/// <param name="Entries">The appended entries (head-block duplicates included).</param>
internal sealed record WalStreamRecord(ulong Fingerprint, uint Token, string Labels, long Counter, IReadOnlyList<LogEntry> Entries);
