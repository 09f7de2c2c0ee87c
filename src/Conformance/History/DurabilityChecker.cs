using System.Collections.Immutable;

namespace Verified.Conformance.History;

/// <summary>One violation the checker found.</summary>
/// <param name="Kind">lost-ack, phantom or definite-failure-visible.</param>
/// <param name="Entry">The entry concerned.</param>
/// <param name="Detail">Which operations were involved.</param>
public sealed record Violation(string Kind, StreamEntry Entry, string Detail);

/// <summary>
/// Judges a write history against its last read: every acknowledged entry must be found (no lost
/// acknowledged write); nothing may be found that no push wrote (no phantom); an entry only ever pushed by
/// definitely failed pushes must not be found. Indefinite failures may or may not be found. Entries are
/// compared as Loki's read path deduplicates them: per tenant and stream, by (timestamp, line, structured
/// metadata), as a set.
/// </summary>
public static class DurabilityChecker
{
    /// <summary>The violations of <paramref name="history"/> judged against its last read (none when it has no read).</summary>
    public static ImmutableArray<Violation> Check(WriteHistory history) =>
        history.Reads.LastOrDefault() is { } read ? Check(history, read) : [];

    /// <summary>The violations of the pushes before <paramref name="read"/>, judged against what that read found.</summary>
    public static ImmutableArray<Violation> Check(WriteHistory history, ReadRecord read)
    {
        var found = read.Found.ToHashSet();
        var verdicts = new Dictionary<StreamEntry, List<(long Id, PushVerdict Verdict)>>();
        foreach (var push in history.Pushes.Where(p => p.Id < read.Id))
        {
            foreach (var entry in push.Written)
            {
                if (!verdicts.TryGetValue(entry, out var list))
                {
                    verdicts[entry] = list = [];
                }

                list.Add((push.Id, push.Verdict));
            }
        }

        var violations = ImmutableArray.CreateBuilder<Violation>();
        foreach (var (entry, pushes) in verdicts)
        {
            var acked = pushes.Where(p => p.Verdict == PushVerdict.Acknowledged).ToList();
            if (acked.Count > 0 && !found.Contains(entry))
            {
                violations.Add(new Violation("lost-ack", entry, $"acknowledged by push #{acked[0].Id}, not found by read #{read.Id}"));
            }
            else if (pushes.All(p => p.Verdict == PushVerdict.DefiniteFailure) && found.Contains(entry))
            {
                violations.Add(new Violation("definite-failure-visible", entry, $"only pushed by definitely failed push(es) #{string.Join(", #", pushes.Select(p => p.Id))}, yet found"));
            }
        }

        foreach (var entry in found.Where(e => !verdicts.ContainsKey(e)))
        {
            violations.Add(new Violation("phantom", entry, $"found by read #{read.Id} but never pushed"));
        }

        return violations.ToImmutable();
    }

    /// <summary>A readable report of <paramref name="violations"/> (first few) with the history.</summary>
    public static string Report(ImmutableArray<Violation> violations, WriteHistory history) =>
        $"{violations.Length} violation(s):\n"
        + string.Join("\n", violations.Take(5).Select(v => $"  {v.Kind}: {v.Entry.Tenant} {v.Entry.Labels} ts={v.Entry.Entry.TimestampNs} line='{v.Entry.Entry.Line}' — {v.Detail}"))
        + "\nhistory:\n" + history.Describe();
}
