using System.Collections.Immutable;
using Verified.Reference.Loki.Ring;
using Verified.Routing;

namespace Verified.Distributor.Tests.Support;

/// <summary>Rings of ACTIVE ingesters named ingester-0.. with address ingester-N:9095 and seeded random tokens.</summary>
public static class TestRing
{
    /// <summary>The address of ingester <paramref name="i"/>.</summary>
    public static string Address(int i) => $"ingester-{i}:9095";

    /// <summary>A ring of <paramref name="count"/> healthy instances at <paramref name="nowUnixSeconds"/>.</summary>
    public static Ring Create(int count, long nowUnixSeconds, int seed = 1, int tokensPerInstance = 128) =>
        Create(Enumerable.Range(0, count).Select(_ => 0L).ToArray(), nowUnixSeconds, seed, tokensPerInstance);

    /// <summary>A ring whose instance i last heartbeated <paramref name="heartbeatAges"/>[i] seconds ago.</summary>
    public static Ring Create(long[] heartbeatAges, long nowUnixSeconds, int seed = 1, int tokensPerInstance = 128)
    {
        var generator = new TokenGenerator(new Random(seed));
        var taken = new HashSet<uint>();
        var instances = new List<RingInstance>();
        for (var i = 0; i < heartbeatAges.Length; i++)
        {
            var tokens = generator.Generate(tokensPerInstance, taken);
            taken.UnionWith(tokens);
            instances.Add(new RingInstance($"ingester-{i}", Address(i), string.Empty, LokiRouting.InstanceStates.Active, [.. tokens], nowUnixSeconds - heartbeatAges[i]));
        }

        return new Ring(LokiRouting.Instance, instances);
    }

    /// <summary>An empty ring.</summary>
    public static Ring Empty() => new(LokiRouting.Instance, ImmutableArray<RingInstance>.Empty);
}
