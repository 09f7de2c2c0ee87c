using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Querier;

/// <summary>One entry as an entry iterator yields it: with its stream's labels and hash (loki pkg/iter entryWithLabels).</summary>
/// <param name="Labels">The stream's label string.</param>
/// <param name="StreamHash">The stream's hash; 0 means "not available" and makes ties fall back to the labels.</param>
/// <param name="Entry">The entry.</param>
public readonly record struct StreamEntry(string Labels, ulong StreamHash, LogEntry Entry);
