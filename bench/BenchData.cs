using System.Collections.Immutable;
using System.Text;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Push;
using Verified.Reference.Simulation;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Ingester;

namespace Verified.Bench;

/// <summary>What the Loki benchmarks share: a cluster without limiters, and log lines of a chosen length.</summary>
internal static class BenchData
{
    /// <summary>Rate and stream limits off: the benchmarks measure the path, not the limiters.</summary>
    public static LokiClusterOptions Unlimited { get; } = new()
    {
        Limits = DistributorLimits.Default with { IngestionRateMB = 1_000_000, IngestionBurstSizeMB = 1_000_000 },
        IngesterConfig = new IngesterConfig { MaxGlobalStreamsPerUser = 0 },
    };

    /// <summary>
    /// Pushes one hour of logs for tenant "bench" through <paramref name="cluster"/>'s write path: <paramref name="streams"/>
    /// streams labelled <c>{app="app-(s mod 37)", group="g(s mod 100)", pod="pod-s"}</c>, <paramref name="linesPerStream"/>
    /// lines each, spread evenly over the hour from <paramref name="fromNs"/>; one push per round carries 100 streams ×
    /// 10 lines, and the clock keeps up with the timestamps (the distributor refuses lines over 10 minutes ahead of it).
    /// </summary>
    /// <param name="cluster">The started cluster.</param>
    /// <param name="clock">Its clock, at the start of the hour.</param>
    /// <param name="fromNs">The hour's start, Unix ns.</param>
    /// <param name="streams">Streams (each push carries up to 100).</param>
    /// <param name="linesPerStream">Lines per stream, a multiple of 10.</param>
    /// <param name="line">The line of stream s, number n.</param>
    /// <param name="everyRound">Called at the start of every round with its number (checkpoints, …).</param>
    /// <returns>The raw line bytes pushed.</returns>
    public static long PushHour(LokiCluster cluster, SimulatedClock clock, long fromNs, int streams, int linesPerStream, Func<int, int, string> line, Action<int>? everyRound = null)
    {
        const long hourNs = 3_600_000_000_000L;
        const int linesPerPush = 10;
        var rounds = linesPerStream / linesPerPush;
        long rawBytes = 0;
        for (var round = 0; round < rounds; round++)
        {
            clock.Advance(TimeSpan.FromTicks(round == 0 ? 0 : hourNs / rounds / TimeSpan.NanosecondsPerTick));
            cluster.Heartbeat();
            everyRound?.Invoke(round);
            for (var first = 0; first < streams; first += 100)
            {
                var batch = ImmutableArray.CreateBuilder<PushStream>(100);
                for (var s = first; s < Math.Min(first + 100, streams); s++)
                {
                    var entries = new LogEntry[linesPerPush];
                    for (var j = 0; j < linesPerPush; j++)
                    {
                        var n = (round * linesPerPush) + j;
                        entries[j] = new LogEntry(fromNs + (n * (hourNs / linesPerStream)) + s, line(s, n));
                        rawBytes += entries[j].Line.Length;
                    }

                    batch.Add(new PushStream($"{{app=\"app-{s % 37}\", group=\"g{s % 100}\", pod=\"pod-{s}\"}}", [.. entries]));
                }

                var result = Task.Run(() => cluster.PushAsync(new PushRequest("bench", batch.DrainToImmutable()))).GetAwaiter().GetResult();
                if (result.Response.StatusCode != 204)
                {
                    throw new InvalidOperationException($"push failed: {result.Response.StatusCode} {result.Response.Body}");
                }
            }
        }

        return rawBytes;
    }

    /// <summary>A line of exactly <paramref name="length"/> ASCII characters: <paramref name="head"/>, then letters a–z.</summary>
    public static string Line(int length, string head)
    {
        var builder = new StringBuilder(head, Math.Max(length, head.Length));
        while (builder.Length < length)
        {
            builder.Append((char)('a' + (builder.Length % 26)));
        }

        return builder.ToString(0, length);
    }
}
