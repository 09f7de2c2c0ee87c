using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Ingester;

/// <summary>An entry a stream refused, with the reason text and the HTTP status the refusal carries.</summary>
/// <param name="Entry">The refused entry.</param>
/// <param name="Reason">Loki's error text for it.</param>
/// <param name="StatusCode">400 for the window, 429 for rate limits.</param>
public sealed record FailedEntry(LogEntry Entry, string Reason, int StatusCode);
