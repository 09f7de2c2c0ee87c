using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Ingester;

/// <summary>What one stream did with one push's entries (loki pkg/ingester/stream.go <c>Push</c>).</summary>
/// <param name="BytesAdded">UTF-8 bytes of the lines appended (head-block duplicates included, as Loki counts them).</param>
/// <param name="Stored">Entries appended, in order: what the WAL record carries.</param>
/// <param name="Failed">Entries refused, in order.</param>
/// <param name="Total">Entries in the push.</param>
internal sealed record StreamPush(int BytesAdded, IReadOnlyList<LogEntry> Stored, IReadOnlyList<FailedEntry> Failed, int Total);
