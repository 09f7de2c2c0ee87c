using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// A querier's request to one ingester (logproto.QueryRequest): the tenant, the selector, <c>[from, through)</c>, the
/// direction, the limit and the pipeline's filter. Loki's ingester runs the pipeline and sends entries in direction
/// order until the limit (loki pkg/ingester/instance.go <c>sendBatches</c>; 0 = all).
/// </summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="FromNs">Inclusive start, Unix ns.</param>
/// <param name="ThroughNs">Exclusive end, Unix ns.</param>
/// <param name="Matches">The stream selector over the canonical label string.</param>
/// <param name="Direction">Which end the limit counts from.</param>
/// <param name="Limit">Entries wanted; 0 = every entry in range.</param>
/// <param name="Keeps">The pipeline's filter over (stream labels, entry); null keeps every entry.</param>
public sealed record IngesterQuery(string Tenant, long FromNs, long ThroughNs, Func<string, bool> Matches, Direction Direction = Direction.Forward, int Limit = 0, Func<string, LogEntry, bool>? Keeps = null);
