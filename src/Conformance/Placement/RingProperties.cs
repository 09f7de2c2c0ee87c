using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki.Ring;
using Verified.Routing;

namespace Verified.Conformance.Placement;

/// <summary>Ring lookups (LOKI-PLACE-4..8): token search, the walk, zones, against the independent dskit model.</summary>
public static class RingProperties
{
    /// <summary>Sorted distinct tokens — spread over the whole range or crowded near 0 — and keys that often hit one exactly.</summary>
    public static Gen<SearchCase> SearchCases { get; } =
        from raw in Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Frequency((2, PlacementGen.FullRangeUInt), (1, Gen.Choose(0, 64).Select(v => (uint)v))), n))
        let tokens = raw.Distinct().Order().ToImmutableArray()
        from key in Gen.Frequency(
            (2, PlacementGen.FullRangeUInt),
            (3, Gen.Elements(tokens.AsEnumerable())),
            (1, Gen.Elements(tokens.AsEnumerable()).Select(k => unchecked(k + 1))),
            (1, Gen.Elements(tokens.AsEnumerable()).Select(k => unchecked(k - 1))),
            (1, Gen.Elements(0u, uint.MaxValue)))
        select new SearchCase(tokens, key);

    /// <summary>
    /// The search returns the first token strictly greater than the key, wrapping to 0 — a key equal to a token
    /// belongs to the next one — and a ring's primary owner is that token's owner (LOKI-PLACE-4).
    /// </summary>
    public static Property SearchTokenIsFirstStrictlyGreaterWrapping(PlacementTarget t) => Prop.ForAll(SearchCases.ToArbitrary(), c =>
    {
        var problems = new List<string>();
        var expected = IndependentModel.SearchTokenLinear(c.Tokens, c.Key);
        problems.Expect("SearchToken", expected, t.Loki.SearchToken(c.Tokens.AsSpan(), c.Key));
        var ring = t.CreateRing(c.Tokens.Select((token, i) =>
            new RingInstance($"owner-{i}", $"10.1.0.{i}:9095", "", t.Loki.States[0], [token], RingGenerators.Now)));
        problems.Expect("primary owner", $"owner-{expected}", ring.PrimaryOwner(c.Key).Id);
        return Law.Holds(problems);
    });

    /// <summary>
    /// On a healthy ring a lookup returns min(RF, N) distinct instances in walk order — each the owner of the next
    /// token not yet taken, starting at the primary owner — and keeps them all when they can make a quorum (LOKI-PLACE-5).
    /// </summary>
    public static Property LookupReturnsDistinctInstancesInWalkOrder(PlacementTarget t) => Prop.ForAll(RingGenerators.Healthy(t).ToArbitrary(), c =>
    {
        var problems = new List<string>();
        var ring = t.CreateRing(c.Instances, c.Config);
        var op = Operation(t, c.Operation);
        var set = ring.Get(c.Key, op, c.Now);
        var walked = set.Walked.Select(i => i.Id).ToList();
        var tokens = c.Instances.SelectMany(i => i.Tokens.Select(token => (Token: token, Owner: i.Id))).OrderBy(p => p.Token).ToList();
        var start = IndependentModel.SearchTokenLinear(tokens.Select(p => p.Token).ToList(), c.Key);
        var walkOrder = Enumerable.Range(0, tokens.Count).Select(i => tokens[(start + i) % tokens.Count].Owner).Distinct()
            .Take(Math.Min(c.Config.ReplicationFactor, c.Instances.Length)).ToList();
        problems.Expect("distinct instances", walked.Count, walked.Distinct().Count());
        problems.ExpectSequence("walk", walkOrder, walked);
        problems.Expect("first instance is the primary owner", ring.PrimaryOwner(c.Key).Id, walked.FirstOrDefault());

        // All healthy, so all are kept — unless the ring is too small for a quorum at all (N = 1 with RF ≥ 2).
        var quorum = (Math.Max(c.Config.ReplicationFactor, walked.Count) / 2) + 1;
        if (walked.Count >= quorum)
        {
            problems.ExpectSequence("replication set (all healthy)", walked, set.Instances.Select(i => i.Id));
            problems.Expect("error", null, set.Error);
        }
        else if (set.Error is null)
        {
            problems.Add($"{walked.Count} instances cannot make a quorum of {quorum}, yet the lookup succeeded");
        }
        return Law.Holds(problems);
    });

    /// <summary>
    /// For every operation and mix of states, heartbeats and zones, a lookup equals the independent dskit model:
    /// the walk (order and members), the replication set, MaxErrors, minSuccess and the error text (LOKI-PLACE-5..8).
    /// </summary>
    public static Property LookupEqualsIndependentDskitModel(PlacementTarget t) => Prop.ForAll(RingGenerators.Mixed(t).ToArbitrary(), c =>
        Law.Holds(CompareWithModel(t, c)));

    /// <summary>
    /// Zone-aware (the spec's own settings — LokiRf5ZonesRouting: RF 5, one replica per zone): the walk takes
    /// distinct instances, at most one per zone among those that do not extend the walk, min(RF, zones) of them when
    /// none extends, and equals the model (LOKI-PLACE-6).
    /// </summary>
    public static Property ZoneAwareLookupTakesOneInstancePerZone(PlacementTarget t) => Prop.ForAll(RingGenerators.Zoned(t).ToArbitrary(), c =>
    {
        var problems = new List<string>();
        if (!c.Config.ZoneAwareness)
        {
            problems.Add($"spec {t.Loki.Id} is not zone-aware; run this property on a zone-aware spec such as LokiRf5ZonesRouting");
            return Law.Holds(problems);
        }

        var set = t.CreateRing(c.Instances, c.Config).Get(c.Key, Operation(t, c.Operation), c.Now);
        var walked = set.Walked;
        problems.Expect("distinct instances", walked.Length, walked.Select(i => i.Id).Distinct().Count());
        var extending = IndependentModel.ExtendingStates[c.Operation];
        foreach (var zone in walked.Where(i => !extending.Contains(i.State.Name)).GroupBy(i => i.Zone).Where(g => g.Count() > 1))
        {
            problems.Add($"zone {zone.Key} has {zone.Count()} non-extending instances: {string.Join(",", zone.Select(i => i.Id))}");
        }

        var zoneCount = c.Instances.Select(i => i.Zone).Distinct().Count();
        if (walked.All(i => !extending.Contains(i.State.Name)))
        {
            problems.Expect("instances walked", Math.Min(c.Config.ReplicationFactor, zoneCount), walked.Length);
        }

        problems.AddRange(CompareWithModel(t, c));
        return Law.Holds(problems);
    });

    /// <summary>The target's operation called <paramref name="name"/>.</summary>
    internal static RingOperation Operation(PlacementTarget t, string name) =>
        t.Loki.FindOperation(name) ?? throw new ArgumentException($"spec {t.Loki.Id} has no ring operation {name}", nameof(name));

    private static List<string> CompareWithModel(PlacementTarget t, RingCase c)
    {
        var problems = new List<string>();
        var set = t.CreateRing(c.Instances, c.Config).Get(c.Key, Operation(t, c.Operation), c.Now);
        var model = IndependentModel.DskitGet(c.Instances, c.Key, c.Operation, c.Config.ReplicationFactor, c.Config.ZoneAwareness, c.Config.HeartbeatTimeoutSeconds, c.Now);
        problems.ExpectSequence("walk", model.Walked, set.Walked.Select(i => i.Id));
        problems.Expect("error", model.Error, set.Error);
        if (model.Error is null && set.Error is null)
        {
            problems.ExpectSequence("replication set", model.Healthy, set.Instances.Select(i => i.Id));
            problems.Expect("MaxErrors", model.MaxErrors, set.MaxErrors);
            problems.Expect("minSuccess", model.MinSuccess, set.MinSuccess);
        }

        return problems;
    }
}
