using Verified.Reference.Loki.Ingester;

namespace Verified.Ingester.Tests;

/// <summary>
/// Runs a <see cref="DurabilityCase"/> against one ingester node and checks it against the simplest model there
/// is: the set of acknowledged (labels, timestamp, line) entries, which must always be readable — from the ingester's
/// memory or from the store — whatever the crashes, restarts, flushes, store failures and checkpoints.
/// </summary>
internal static class DurabilityModel
{
    private const long Second = 1_000_000_000L;
    private static readonly string[] Streams = ["{app=\"a\"}", "{app=\"b\"}", "{app=\"c\", env=\"prod\"}"];

    /// <summary>Small chunks, so cuts, blocks and several chunks per stream happen in short histories.</summary>
    public static IngesterConfig Config { get; } = IngesterConfig.Default with { BlockSize = 128, TargetChunkSize = 512, SyncPeriod = TimeSpan.FromMinutes(3) };

    /// <summary>The first violation, or null.</summary>
    public static async Task<string?> RunAsync(DurabilityCase c, IngesterFaults faults)
    {
        var harness = new IngesterHarness(Config, faults, c.Seed);
        await harness.StartAsync();
        var acked = new HashSet<(string Labels, long Ts, string Line)>();
        foreach (var step in c.Steps)
        {
            switch (step)
            {
                case Step.Push push:
                    var entries = push.Entries.Select(e => (IngesterHarness.BaseNs + (e.Offset * Second), $"line {e.Line}")).ToArray();
                    if ((await harness.PushAsync(Streams[push.Stream], entries)).IsSuccess)
                    {
                        acked.UnionWith(entries.Select(e => (Streams[push.Stream], e.Item1, e.Item2)));
                    }

                    break;
                case Step.Flush flush:
                    harness.Store.FailNextPuts(IngesterHarness.Tenant + "/", flush.StoreFailures);
                    await (flush.Forced ? harness.Current.FlushAllAsync() : harness.Current.FlushAsync());
                    harness.Store.FailNextPuts(IngesterHarness.Tenant + "/", 0);
                    break;
                case Step.Checkpoint:
                    await harness.Current.CheckpointAsync();
                    break;
                case Step.Crash:
                    await harness.CrashAndRestartAsync();
                    break;
                case Step.Advance advance:
                    harness.Clock.Advance(TimeSpan.FromMinutes(advance.Minutes));
                    break;
            }

            var visible = await harness.VisibleAsync();
            var lost = acked.Where(e => !visible.Contains(e)).ToList();
            if (lost.Count > 0)
            {
                return $"after {step}: lost {string.Join(", ", lost.Take(3))}";
            }
        }

        return null;
    }
}
