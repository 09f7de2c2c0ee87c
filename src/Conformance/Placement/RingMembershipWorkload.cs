using System.Collections.Immutable;
using Verified.Reference.Loki.Ring;

namespace Verified.Conformance.Placement;

/// <summary>
/// Grows and shrinks a ring as dskit does: a joining instance draws its own tokens, excluding those already
/// taken, and nobody else's tokens change; a leaving instance takes its tokens with it. With a
/// <see cref="MembershipFault"/> it instead reassigns tokens (the seeded bug the stability properties must catch).
/// </summary>
internal sealed class RingMembershipWorkload
{
    private readonly PlacementTarget _target;
    private readonly int _seed;
    private readonly int _tokensPerInstance;
    private readonly MembershipFault _fault;

    /// <summary>A workload drawing <paramref name="tokensPerInstance"/> tokens per instance from <paramref name="seed"/>.</summary>
    public RingMembershipWorkload(PlacementTarget target, int seed, int tokensPerInstance, MembershipFault fault = MembershipFault.None)
    {
        _target = target;
        _seed = seed;
        _tokensPerInstance = tokensPerInstance;
        _fault = fault;
    }

    /// <summary>A ring of <paramref name="count"/> ACTIVE instances <c>ing-0…</c>, tokens drawn from the seed.</summary>
    public Ring Build(int count) => _target.CreateRing(Draw(Enumerable.Range(0, count).Select(Id), new Random(_seed), []));

    /// <summary>Adds one instance with fresh tokens that avoid every taken token.</summary>
    public Ring Join(Ring ring)
    {
        var joiner = Id(ring.Instances.Length);
        if (_fault == MembershipFault.TokensReassignedOnJoin)
        {
            // Seeded bug: the whole ring is re-drawn from another seed, as if tokens were not persisted.
            return _target.CreateRing(Draw(ring.Instances.Select(i => i.Id).Append(joiner), new Random(_seed + 1), []));
        }

        var taken = ring.Instances.SelectMany(i => i.Tokens).ToHashSet();
        return _target.CreateRing(ring.Instances.AddRange(Draw([joiner], new Random(_seed ^ 0x10ad), taken)));
    }

    /// <summary>Removes the instance at <paramref name="index"/>; the others keep their tokens.</summary>
    public Ring Leave(Ring ring, int index)
    {
        var survivors = ring.Instances.RemoveAt(index);
        if (_fault == MembershipFault.TokensReassignedOnLeave)
        {
            // Seeded bug: the survivors re-draw their tokens from another seed.
            return _target.CreateRing(Draw(survivors.Select(i => i.Id), new Random(_seed + 1), []));
        }

        return _target.CreateRing(survivors);
    }

    private static string Id(int index) => $"ing-{index}";

    private ImmutableArray<RingInstance> Draw(IEnumerable<string> ids, Random random, IEnumerable<uint> taken)
    {
        var generator = new TokenGenerator(random);
        var used = new HashSet<uint>(taken);
        var active = _target.Loki.FindState("ACTIVE") ?? _target.Loki.States[0];
        var builder = ImmutableArray.CreateBuilder<RingInstance>();
        foreach (var id in ids)
        {
            var tokens = generator.Generate(_tokensPerInstance, used);
            used.UnionWith(tokens);
            builder.Add(new RingInstance(id, id + ":9095", "", active, [.. tokens], RingGenerators.Now));
        }

        return builder.ToImmutable();
    }
}
