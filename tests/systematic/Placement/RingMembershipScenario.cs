using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Coyote.Specifications;
using Verified.Conformance;
using Verified.Reference.Loki.Ring;
using Verified.Routing;

namespace Verified.Systematic.Tests.Placement;

/// <summary>
/// Ring membership changing under live lookups: members join (dskit lifecycler: register PENDING, then take
/// tokens and go ACTIVE) and leave (ACTIVE → LEAVING) through a shared <see cref="IRingRegistry"/> while
/// distributors look keys up in whatever snapshot is current. Every actor is a Coyote-controlled task, and
/// every publish, lookup and the final ring are checked by <see cref="RingSnapshotChecks"/>.
/// </summary>
internal static class RingMembershipScenario
{
    /// <summary>The one instant of the scenario: every heartbeat is this fresh, so health is the state alone.</summary>
    private const long Now = 1_700_000_000;

    private const int InitialMembers = 4;

    private static readonly LifecycleTable Lifecycle = LokiRouting.LifecycleTable;

    /// <summary>Runs one schedule of <paramref name="shape"/> over a registry from <paramref name="createRegistry"/>.</summary>
    public static async Task RunAsync(RingScenarioShape shape, RingRegistryFactory createRegistry, PlacementTarget target)
    {
        // Built in every schedule rather than cached in a static: a static would be built by rewritten code
        // (with scheduling points) inside whichever schedule runs first, so that schedule could not be replayed
        // the same way in a process that had already built it.
        var registry = createRegistry(target.CreateRing(InitialRing()), instances => target.CreateRing(instances), OnPublished);

        var joins = new Dictionary<string, Task<ImmutableArray<uint>>>(StringComparer.Ordinal);
        var actors = new List<Task>();
        for (var j = 0; j < shape.Joiners; j++)
        {
            var id = MemberId(InitialMembers + j);
            var seed = InitialMembers + j;
            var join = Task.Run(() => JoinAsync(registry, id, seed));
            joins.Add(id, join);
            actors.Add(join);
        }

        var leavers = Enumerable.Range(0, shape.Leavers).Select(MemberId).ToList();
        foreach (var id in leavers)
        {
            actors.Add(Task.Run(() => LeaveAsync(registry, id)));
        }

        for (var r = 0; r < shape.Readers; r++)
        {
            var reader = r;
            actors.Add(Task.Run(() => LookUpAsync(registry, reader, shape.LookupsPerReader)));
        }

        // A list, not Task.WhenAll(a, b): C# 13 binds that to params ReadOnlySpan<Task>, which Coyote 1.7.11
        // does not control (NOTES-dotnet 4).
        await Task.WhenAll(actors);

        var joined = joins.ToDictionary(j => j.Key, j => j.Value.Result, StringComparer.Ordinal);
        var violation = RingSnapshotChecks.CheckFinal(registry.Current, joined, leavers);
        Specification.Assert(violation is null, "{0}", violation);
    }

    private static async Task<ImmutableArray<uint>> JoinAsync(IRingRegistry registry, string id, int seed)
    {
        var lifecycle = new InstanceLifecycle(Lifecycle);
        await registry.ChangeAsync(id, members => Upsert(members, Member(id, lifecycle.State, [])));

        var taken = new HashSet<uint>(registry.Current.Tokens.ToArray());
        var tokens = ImmutableArray.Create(new TokenGenerator(new Random(seed)).Generate(LokiRouting.TokensPerInstanceValue, taken));
        lifecycle.ChangeTo(LokiRouting.InstanceStates.Active.Name);
        await registry.ChangeAsync(id, members => Upsert(members, Member(id, lifecycle.State, tokens)));
        return tokens;
    }

    private static async Task LeaveAsync(IRingRegistry registry, string id)
    {
        var lifecycle = new InstanceLifecycle(Lifecycle, LokiRouting.InstanceStates.Active.Name);
        lifecycle.ChangeTo(LokiRouting.InstanceStates.Leaving.Name);
        var leaving = StateNamed(lifecycle.State);
        await registry.ChangeAsync(id, members => [.. members.Select(m => m.Id == id ? m with { State = leaving } : m)]);
    }

    private static async Task LookUpAsync(IRingRegistry registry, int reader, int lookups)
    {
        for (var i = 0; i < lookups; i++)
        {
            var ring = registry.Current;
            var key = LokiRouting.TokenFor("tenant-1", string.Create(CultureInfo.InvariantCulture, $"{{app=\"reader-{reader}\", stream=\"{i}\"}}"));
            var set = ring.Get(key, LokiRouting.RingOperations.WriteNoExtend, Now);
            var violation = RingSnapshotChecks.CheckLookup(ring, key, set, Now);
            Specification.Assert(violation is null, "{0}", violation);
            await Task.Yield();
        }
    }

    private static void OnPublished(Ring replaced, Ring published, string member)
    {
        var violation = RingSnapshotChecks.CheckPublish(replaced, published, member);
        Specification.Assert(violation is null, "{0}", violation);
    }

    /// <summary>Replaces the member with <paramref name="member"/>'s id, or adds it (dskit AddIngester does both).</summary>
    private static ImmutableArray<RingInstance> Upsert(ImmutableArray<RingInstance> members, RingInstance member)
    {
        for (var i = 0; i < members.Length; i++)
        {
            if (members[i].Id == member.Id)
            {
                return members.SetItem(i, member);
            }
        }

        return members.Add(member);
    }

    private static RingInstance Member(string id, string state, ImmutableArray<uint> tokens) =>
        new(id, Address(id), "", StateNamed(state), tokens, Now);

    private static InstanceState StateNamed(string name) =>
        LokiRouting.Instance.FindState(name) ?? throw new InvalidOperationException($"The lifecycle state {name} is not a ring state of the spec.");

    private static string MemberId(int index) => string.Create(CultureInfo.InvariantCulture, $"ing-{index}");

    private static string Address(string id) => $"{id}.ingester:9095";

    /// <summary>ing-0…ing-3, ACTIVE, 128 seeded tokens each.</summary>
    private static ImmutableArray<RingInstance> InitialRing()
    {
        var taken = new HashSet<uint>();
        var members = ImmutableArray.CreateBuilder<RingInstance>(InitialMembers);
        for (var i = 0; i < InitialMembers; i++)
        {
            var tokens = new TokenGenerator(new Random(i)).Generate(LokiRouting.TokensPerInstanceValue, taken);
            taken.UnionWith(tokens);
            members.Add(Member(MemberId(i), LokiRouting.InstanceStates.Active.Name, [.. tokens]));
        }

        return members.MoveToImmutable();
    }
}
