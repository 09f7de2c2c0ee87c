using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Push;
using Verified.Routing;

namespace Verified.Conformance.Durability;

/// <summary>
/// On a 5-ingester ring (RF 3) every stream lives only on the ingesters that own its canonical token, however
/// the client ordered its labels or spaced its selector (LOKI-PLACE-3 through the whole write path). Ownership is
/// judged with the base Loki spec, independently of the spec the cluster runs.
/// </summary>
public static class PlacementOnWritePath
{
    private static readonly string[] Names = ["app", "env", "pod", "team"];

    /// <summary>Pushes each generated stream under several label orders; each must be held only by its owners.</summary>
    public static Property StreamsLiveOnlyOnTheirOwners(LokiClusterOptions options) =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Choose(1, 6)), (seed, streams) =>
            Task.Run(() => RunAsync(options with { Ingesters = 5 }, seed, streams)).GetAwaiter().GetResult());

    private static async Task<Property> RunAsync(LokiClusterOptions options, int seed, int streams)
    {
        var harness = new WritePathHarness(options, seed);
        var cluster = harness.Cluster;
        var random = new Random(seed);
        var now = harness.NowNs;
        for (var s = 0; s < streams; s++)
        {
            var labels = Names.Select(n => $"{n}=\"{n}{random.Next(4)}-{s}\"").ToArray();
            for (var order = 0; order < 3; order++)
            {
                var shuffled = labels.OrderBy(_ => random.Next()).ToArray();
                var request = new PushRequest("tenant", [new PushStream("{" + string.Join(", ", shuffled) + "}", [new LogEntry(now + (s * 10) + order, $"s{s} o{order}")])]);
                await cluster.PushAsync(request).ConfigureAwait(false);
            }
        }

        var problems = new List<string>();
        var unix = harness.Clock.GetUtcNow().ToUnixTimeSeconds();
        foreach (var name in cluster.IngesterNames)
        {
            foreach (var stream in await cluster.IngesterOf(name)!.QueryAsync("tenant", long.MinValue, long.MaxValue, static _ => true).ConfigureAwait(false))
            {
                var canonical = LokiStreams.Canonical(LokiRouting.Instance, stream.Labels);
                var owners = cluster.Ring.Get(LokiRouting.TokenFor("tenant", canonical), LokiRouting.RingOperations.WriteNoExtend, unix);
                if (!owners.Instances.Any(i => i.Id == name))
                {
                    problems.Add($"{name} holds {stream.Labels}, owned by {string.Join(",", owners.Instances.Select(i => i.Id))}");
                }
            }
        }

        return (problems.Count == 0).Label(string.Join("; ", problems.Take(3)));
    }
}
