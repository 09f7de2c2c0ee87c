using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki.Ring;

namespace Verified.Conformance.Placement;

/// <summary>
/// Rings for the ring and quorum properties: N instances whose tokens come from <see cref="TokenGenerator"/> over a
/// seeded <see cref="System.Random"/>, with mixed states and heartbeats around the timeout, and keys that often land
/// exactly on a token (the strictly-greater rule is only visible there).
/// </summary>
public static class RingGenerators
{
    /// <summary>The clock every generated ring is read at.</summary>
    public const long Now = 1_000_000;

    /// <summary>The operations of dskit's ring, by name.</summary>
    public static readonly string[] Operations = ["Write", "WriteNoExtend", "Read", "Reporting"];

    /// <summary>States, mostly ACTIVE.</summary>
    public static Gen<string> States { get; } = Gen.Frequency(
        (6, Gen.Constant("ACTIVE")), (1, Gen.Constant("LEAVING")), (1, Gen.Constant("PENDING")), (1, Gen.Constant("JOINING")), (1, Gen.Constant("LEFT")));

    /// <summary>Heartbeat ages in seconds: fresh, exactly the timeout, one past it, long dead.</summary>
    public static Gen<int> Ages(int timeout) => Gen.Frequency(
        (6, Gen.Choose(0, timeout - 1)), (3, Gen.Constant(timeout)), (2, Gen.Constant(timeout + 1)), (1, Gen.Choose(timeout + 2, 3 * timeout)));

    /// <summary>Keys: any uint, a token exactly, one either side of a token, or the ends of the range.</summary>
    public static Gen<uint> Keys(IReadOnlyList<RingInstance> instances)
    {
        var tokens = instances.SelectMany(i => i.Tokens).ToArray();
        return tokens.Length == 0
            ? PlacementGen.FullRangeUInt
            : Gen.Frequency(
                (3, PlacementGen.FullRangeUInt),
                (3, Gen.Elements(tokens)),
                (1, Gen.Elements(tokens).Select(k => unchecked(k + 1))),
                (1, Gen.Elements(tokens).Select(k => unchecked(k - 1))),
                (1, Gen.Elements(0u, uint.MaxValue)));
    }

    /// <summary>Rings of 1–7 instances with 1–6 tokens each, RF 1–5, any operation, mixed states and heartbeats, zones in one case of three.</summary>
    public static Gen<RingCase> Mixed(PlacementTarget t)
    {
        var timeout = t.Loki.HeartbeatTimeoutSeconds;
        return from n in Gen.Choose(1, 7)
               from tokensPerInstance in Gen.Choose(1, 6)
               from seed in PlacementGen.Seed
               from states in Gen.ArrayOf(States, n)
               from ages in Gen.ArrayOf(Ages(timeout), n)
               from zoneAware in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
               from zones in Gen.ArrayOf(Gen.Elements("zone-a", "zone-b", "zone-c"), n)
               from rf in Gen.Choose(1, 5)
               from op in Gen.Elements(Operations)
               let instances = Build(t, seed, tokensPerInstance, states, ages, zoneAware ? zones : null)
               from key in Keys(instances)
               select new RingCase(instances, new RingConfig(rf, zoneAware, timeout), op, key, Now);
    }

    /// <summary>Rings where every instance is ACTIVE with a fresh heartbeat, no zones, looked up with WriteNoExtend.</summary>
    public static Gen<RingCase> Healthy(PlacementTarget t)
    {
        var timeout = t.Loki.HeartbeatTimeoutSeconds;
        return from n in Gen.Choose(1, 8)
               from tokensPerInstance in Gen.Choose(1, 8)
               from seed in PlacementGen.Seed
               from rf in Gen.Choose(1, 5)
               let instances = Build(t, seed, tokensPerInstance, Enumerable.Repeat("ACTIVE", n).ToArray(), new int[n], zones: null)
               from key in Keys(instances)
               select new RingCase(instances, new RingConfig(rf, false, timeout), "WriteNoExtend", key, Now);
    }

    /// <summary>
    /// Rings over 1–6 zones of 1–3 instances each, with the spec's own ring settings (zone awareness, RF), mixed
    /// states (extending ones often, so an instance can come round twice) and mostly fresh heartbeats.
    /// </summary>
    public static Gen<RingCase> Zoned(PlacementTarget t)
    {
        var timeout = t.Loki.HeartbeatTimeoutSeconds;
        var states = Gen.Frequency((3, Gen.Constant("ACTIVE")), (1, Gen.Constant("LEAVING")), (1, Gen.Constant("JOINING")), (1, Gen.Constant("PENDING")));
        return from zoneCount in Gen.Choose(1, 6)
               from perZone in Gen.ArrayOf(Gen.Choose(1, 3), zoneCount)
               let zones = perZone.SelectMany((count, z) => Enumerable.Repeat($"zone-{(char)('a' + z)}", count)).ToArray()
               from tokensPerInstance in Gen.Choose(1, 6)
               from seed in PlacementGen.Seed
               from stateNames in Gen.ArrayOf(states, zones.Length)
               from ages in Gen.ArrayOf(Gen.Frequency((5, Gen.Choose(0, timeout)), (1, Gen.Constant(timeout + 1))), zones.Length)
               from op in Gen.Frequency((2, Gen.Constant("Write")), (2, Gen.Constant("Read")), (1, Gen.Constant("WriteNoExtend")), (1, Gen.Constant("Reporting")))
               let instances = Build(t, seed, tokensPerInstance, stateNames, ages, zones)
               from key in Keys(instances)
               select new RingCase(instances, RingConfig.From(t.Loki), op, key, Now);
    }

    /// <summary>
    /// Builds the members: instance i is <c>ing-i</c> at <c>10.0.0.i:9095</c>; its tokens are drawn by one
    /// <see cref="TokenGenerator"/> over <c>new Random(seed)</c>, excluding tokens already taken.
    /// </summary>
    public static ImmutableArray<RingInstance> Build(PlacementTarget t, int seed, int tokensPerInstance, IReadOnlyList<string> states, IReadOnlyList<int> ages, IReadOnlyList<string>? zones)
    {
        var generator = new TokenGenerator(new Random(seed));
        var taken = new HashSet<uint>();
        var builder = ImmutableArray.CreateBuilder<RingInstance>(states.Count);
        for (var i = 0; i < states.Count; i++)
        {
            var tokens = generator.Generate(tokensPerInstance, taken);
            taken.UnionWith(tokens);
            var state = t.Loki.FindState(states[i]) ?? throw new ArgumentException($"spec {t.Loki.Id} has no state {states[i]}", nameof(states));
            builder.Add(new RingInstance($"ing-{i}", $"10.0.0.{i}:9095", zones?[i] ?? "", state, [.. tokens], Now - ages[i]));
        }

        return builder.MoveToImmutable();
    }
}
