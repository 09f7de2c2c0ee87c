using System.Collections.Immutable;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.History;

/// <summary>
/// Judges a log query against the pushes before it (LOKI.md §6 result assembly): every acknowledged entry the query
/// selects is returned unless the limit cut it off (missing); nothing is returned twice (duplicate); nothing is
/// returned that no push of this tenant wrote, or that the selector or the time range excludes (phantom, including
/// other tenants' data); streams come sorted by label string and each stream's entries in the query's direction
/// (order); and no more than the limit come back (limit). With a limit, the answer must be the limit entries nearest
/// the query's starting edge: every acknowledged entry strictly nearer than the farthest one returned is required.
/// Entries are compared as Loki's read path deduplicates them: per tenant and stream, by (timestamp, line,
/// structured metadata).
/// </summary>
public static class QueryChecker
{
    /// <summary>The violations of <paramref name="query"/>, judged against the pushes of <paramref name="history"/> before it.</summary>
    public static ImmutableArray<Violation> Check(WriteHistory history, QueryRecord query)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Error is not null)
        {
            return [];
        }

        var violations = ImmutableArray.CreateBuilder<Violation>();
        var pushed = new Dictionary<StreamEntry, bool>(); // entry → acknowledged by some push
        foreach (var push in history.Pushes.Where(p => p.Id < query.Id))
        {
            foreach (var entry in push.Written)
            {
                pushed[entry] = pushed.GetValueOrDefault(entry) || push.Verdict == PushVerdict.Acknowledged;
            }
        }

        // What came back, flattened; duplicates, phantoms and order are judged on the answer as given.
        var returned = new List<StreamEntry>();
        var seen = new HashSet<StreamEntry>();
        string? previousLabels = null;
        foreach (var stream in query.Returned)
        {
            if (previousLabels is not null && string.CompareOrdinal(previousLabels, stream.Labels) > 0)
            {
                violations.Add(new Violation("order", new StreamEntry(query.Tenant, stream.Labels, stream.Entries.FirstOrDefault() ?? new LogEntry(0, string.Empty)), $"query #{query.Id}: stream {stream.Labels} comes after {previousLabels}; streams are sorted by label string"));
            }

            previousLabels = stream.Labels;
            LogEntry? previous = null;
            foreach (var entry in stream.Entries)
            {
                var item = new StreamEntry(query.Tenant, stream.Labels, entry);
                if (previous is not null && (query.Backward ? entry.TimestampNs > previous.TimestampNs : entry.TimestampNs < previous.TimestampNs))
                {
                    violations.Add(new Violation("order", item, $"query #{query.Id}: ts {entry.TimestampNs} after ts {previous.TimestampNs} in a {(query.Backward ? "BACKWARD" : "FORWARD")} answer"));
                }

                previous = entry;
                if (!seen.Add(item))
                {
                    violations.Add(new Violation("duplicate", item, $"returned more than once by query #{query.Id}"));
                }

                var inRange = entry.TimestampNs >= query.StartNs && entry.TimestampNs < query.EndNs;
                var kept = query.KeepsEntry?.Invoke(entry) ?? true;
                if (!pushed.ContainsKey(item) || !inRange || !query.Matches(stream.Labels) || !kept)
                {
                    var why = !pushed.ContainsKey(item) ? $"never pushed by tenant {query.Tenant}" : !inRange ? "outside the query's time range" : !kept ? $"filtered out by {query.Selector}" : $"not selected by {query.Selector}";
                    violations.Add(new Violation("phantom", item, $"returned by query #{query.Id} but {why}"));
                }

                returned.Add(item);
            }
        }

        if (returned.Count > query.Limit)
        {
            violations.Add(new Violation("limit", returned[query.Limit], $"query #{query.Id} returned {returned.Count} entries, limit {query.Limit}"));
        }

        var expected = pushed
            .Where(p => p.Value && p.Key.Tenant == query.Tenant && p.Key.Entry.TimestampNs >= query.StartNs && p.Key.Entry.TimestampNs < query.EndNs && query.Matches(p.Key.Labels) && (query.KeepsEntry?.Invoke(p.Key.Entry) ?? true))
            .Select(p => p.Key)
            .ToList();
        var cutoff = Cutoff(query, seen, expected.Count);
        foreach (var entry in expected.Where(e => !seen.Contains(e) && Nearer(query, e.Entry.TimestampNs, cutoff)))
        {
            violations.Add(new Violation("missing", entry, $"acknowledged, selected and in range, not returned by query #{query.Id}{(cutoff is null ? string.Empty : $" (limit {query.Limit} reached at ts {cutoff})")}"));
        }

        return violations.ToImmutable();
    }

    /// <summary>
    /// When the limit was reached, the timestamp of the farthest entry returned: entries strictly nearer the starting
    /// edge are required, entries at it may have lost a tie. Null when everything is required. The limit counts every
    /// entry the cluster holds, so entries of pushes that failed but landed on some ingesters may fill it: that the
    /// acknowledged entries alone would fit does not make them all required.
    /// </summary>
    private static long? Cutoff(QueryRecord query, HashSet<StreamEntry> returned, int expected)
    {
        if (returned.Count < query.Limit || expected == 0 || returned.Count == 0)
        {
            return null;
        }

        var stamps = returned.Select(e => e.Entry.TimestampNs);
        return query.Backward ? stamps.Min() : stamps.Max();
    }

    private static bool Nearer(QueryRecord query, long ts, long? cutoff) =>
        cutoff is not { } edge || (query.Backward ? ts > edge : ts < edge);
}
