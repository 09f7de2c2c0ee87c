using Shouldly;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>Pushes, flushes and checkpoints racing on real threads; then a crash: every acknowledged entry is still readable.</summary>
public sealed class ConcurrencyTests
{
    private const long Second = 1_000_000_000L;

    [Fact]
    [Trait("Requirement", "LOKI-DUR-2")]
    public async Task RacingPushesFlushesAndCheckpoints_LoseNoAcknowledgedEntry()
    {
        var harness = new IngesterHarness(DurabilityModel.Config);
        var ingester = await harness.StartAsync();
        var acked = new System.Collections.Concurrent.ConcurrentBag<(string, long, string)>();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var labels = $"{{app=\"w{w}\"}}";
            for (var i = 0; i < 50; i++)
            {
                var ts = IngesterHarness.BaseNs + (i * Second);
                if ((await ingester.PushAsync(IngesterHarness.Request(labels, (ts, $"entry {i}")))).IsSuccess)
                {
                    acked.Add((labels, ts, $"entry {i}"));
                }
            }
        })).ToList();
        var maintenance = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await ingester.CheckpointAsync();
                await ingester.FlushAllAsync();
            }
        });
        await Task.WhenAll([.. writers, maintenance]);

        await harness.CrashAndRestartAsync();
        (await harness.VisibleAsync()).IsSupersetOf(acked).ShouldBeTrue();
        acked.Count.ShouldBe(200);
    }
}
