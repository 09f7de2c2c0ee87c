using Verified.Reference.Elasticsearch;
using Verified.Reference.Elasticsearch.Cluster;
using Verified.Reference.Simulation;
using Verified.Routing;

namespace Verified.Elasticsearch.Tests;

/// <summary>What the example tests share: a started cluster with index "i", and a way to drive a call to its end.</summary>
internal static class TestCluster
{
    /// <summary>A cluster of <paramref name="dataNodes"/> with index "i" (<paramref name="shards"/> × 1 + <paramref name="replicas"/>), 2 ms links, one simulated second on.</summary>
    public static Task<(EsCluster Cluster, SimulatedClock Clock)> StartAsync(int dataNodes, int shards, int replicas) => Task.Run(() =>
    {
        var clock = new SimulatedClock();
        var cluster = new EsCluster(dataNodes, clock, new Random(1));
        cluster.Network.DefaultLinkFaults = new LinkFaults(Delay: TimeSpan.FromMilliseconds(2));
        cluster.Master.CreateIndex(IndexRouting.Create(ElasticsearchRouting.Instance, shards, index: "i"), replicas);
        clock.Advance(TimeSpan.FromSeconds(1));
        return (cluster, clock);
    });

    /// <summary>Advances the clock off xunit's context until <paramref name="task"/> finishes (at most 2 simulated minutes).</summary>
    public static Task<T> RunAsync<T>(SimulatedClock clock, Task<T> task) => Task.Run(() =>
    {
        for (var i = 0; i < 1200 && !task.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        return task;
    });
}
