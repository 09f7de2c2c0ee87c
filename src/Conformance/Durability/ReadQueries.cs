using Verified.Reference.Loki;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.Durability;

/// <summary>A query to send and the checker's own model of what it selects.</summary>
/// <param name="Request">The frontend request (LogQL text, range, direction, limit).</param>
/// <param name="Matches">Which canonical label strings the selector selects — written independently of the LogQL evaluator.</param>
/// <param name="KeepsEntry">The line filter's model; null without one.</param>
public sealed record ReadQuery(FrontendRequest Request, Func<string, bool> Matches, Func<LogEntry, bool>? KeepsEntry);

/// <summary>
/// The log queries of a read workload (<see cref="WriteOperation.Query"/>), over the streams
/// <see cref="WriteWorkloadRunner"/> writes: <c>{app="appA", stream="sS"}</c> with lines <c>line N of tT/sS</c> or
/// <c>line I</c>. Each selector comes with a plain-string model of it, so the checker never trusts the evaluator.
/// </summary>
public static class ReadQueries
{
    /// <summary>The request for <paramref name="query"/>; range edges are written timestamps, so they fall on entries.</summary>
    public static ReadQuery Build(WriteOperation.Query query, IReadOnlyList<long> stamps, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(stamps);
        ArgumentNullException.ThrowIfNull(clock);
        long start, end;
        if (stamps.Count == 0)
        {
            end = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
            start = end - 3_600_000_000_000L;
        }
        else
        {
            var a = stamps[query.From % stamps.Count];
            var b = stamps[query.To % stamps.Count];
            (start, end) = (Math.Min(a, b), Math.Max(a, b));
            end = end == start ? end + 1 : end;
        }

        var app = $"app{query.From % 3}";
        var stream = $"s{query.From % WriteWorkloads.Streams}";
        var (text, matches, keeps) = (query.Selector % 4) switch
        {
            0 => ($"{{app=\"{app}\"}}", Has("app", app), (Func<LogEntry, bool>?)null),
            1 => ($"{{stream=\"{stream}\"}}", Has("stream", stream), null),
            2 => ("{app=~\"app[01]\"}", (Func<string, bool>)(l => Has("app", "app0")(l) || Has("app", "app1")(l)), null),
            _ => ($"{{app=\"{app}\"}} |= \"line 1\"", Has("app", app), e => e.Line.Contains("line 1", StringComparison.Ordinal)),
        };
        var request = new FrontendRequest($"tenant-{query.Tenant}", text, start, end, query.Backward ? Direction.Backward : Direction.Forward, query.Limit);
        return new ReadQuery(request, matches, keeps);
    }

    /// <summary>Everything a tenant wrote: every stream, the whole written range, FORWARD, the largest limit Loki allows.</summary>
    public static ReadQuery Everything(int tenant, IReadOnlyList<long> stamps, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(stamps);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        var start = stamps.Count == 0 ? now - 3_600_000_000_000L : stamps.Min();
        var end = stamps.Count == 0 ? now : stamps.Max() + 1;
        var request = new FrontendRequest($"tenant-{tenant}", "{app=~\".+\"}", start, end, Direction.Forward, 5000);
        return new ReadQuery(request, static l => l.Contains("app=\"", StringComparison.Ordinal), null);
    }

    private static Func<string, bool> Has(string name, string value) =>
        labels => labels.Contains($"{name}=\"{value}\"", StringComparison.Ordinal);
}
