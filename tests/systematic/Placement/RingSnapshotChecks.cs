using System.Collections.Immutable;
using Verified.Reference.Loki.Ring;
using Verified.Routing;

namespace Verified.Systematic.Tests.Placement;

/// <summary>
/// The invariants of the membership scenario as pure functions: each returns null when it holds, or a message
/// naming what broke. Written from the spec's rules, not from <see cref="Ring"/>'s code, so a ring or registry
/// bug cannot hide behind its own logic.
/// </summary>
internal static class RingSnapshotChecks
{
    /// <summary>Message prefix for a change that a later publish dropped or undid.</summary>
    public const string LostChange = "Lost membership change";

    /// <summary>Message prefix for a state change the lifecycle does not allow.</summary>
    public const string LifecycleViolation = "Lifecycle violation";

    /// <summary>Message prefix for a lookup that broke a replication-set rule.</summary>
    public const string LookupViolation = "Lookup invariant";

    private static readonly LifecycleTable Lifecycle = LokiRouting.LifecycleTable;

    /// <summary>
    /// One publish, <paramref name="replaced"/> → <paramref name="published"/>: every member keeps its place unless
    /// it was LEAVING (dskit removes an instance once it has left); new members start PENDING (dskit initRing);
    /// every state change is one the lifecycle allows (LOKI-LIFE-1). A change the lifecycle allows the other way
    /// round is a change undone by a stale write, reported as lost.
    /// </summary>
    public static string? CheckPublish(Ring replaced, Ring published, string member)
    {
        var after = published.Instances.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var old in replaced.Instances)
        {
            if (!after.ContainsKey(old.Id) && old.State != LokiRouting.InstanceStates.Leaving)
            {
                return $"{LostChange}: {old.Id} ({old.State}) is missing from the ring {member} published.";
            }
        }

        var before = replaced.Instances.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var now in published.Instances)
        {
            if (!before.TryGetValue(now.Id, out var old))
            {
                if (now.State.Name != Lifecycle.Initial)
                {
                    return $"{LifecycleViolation}: {now.Id} appeared as {now.State} in the ring {member} published; members join as {Lifecycle.Initial}.";
                }

                continue;
            }

            if (old.State == now.State || Lifecycle.IsAllowed(old.State.Name, now.State.Name))
            {
                continue;
            }

            var disallowed = Lifecycle.Disallowed(old.State.Name, now.State.Name);
            return Lifecycle.IsAllowed(now.State.Name, old.State.Name)
                ? $"{LostChange}: {now.Id} went back from {old.State} to {now.State} in the ring {member} published, undoing a published change ({disallowed})."
                : $"{LifecycleViolation}: {now.Id} went {old.State} -> {now.State} in the ring {member} published ({disallowed}).";
        }

        return null;
    }

    /// <summary>
    /// A distributor lookup (WriteNoExtend): it succeeds, returns distinct members of the snapshot, only healthy
    /// ones (ACTIVE with a fresh heartbeat), and at least max(RF, walked)/2+1 of them (LOKI-PLACE-5, LOKI-PLACE-8).
    /// </summary>
    public static string? CheckLookup(Ring ring, uint key, ReplicationSet set, long nowUnixSeconds)
    {
        if (!set.Succeeded)
        {
            return $"{LookupViolation}: key {key} failed on a ring of {ring.Instances.Length} members: {set.Error}";
        }

        var ids = set.Instances.Select(i => i.Id).ToList();
        var repeated = ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            return $"{LookupViolation}: key {key} returned {repeated.Key} {repeated.Count()} times ({string.Join(", ", ids)}); a replication set holds distinct instances.";
        }

        foreach (var instance in set.Instances)
        {
            var fresh = nowUnixSeconds - instance.HeartbeatUnixSeconds <= ring.Config.HeartbeatTimeoutSeconds;
            if (!ring.Instances.Contains(instance) || instance.State != LokiRouting.InstanceStates.Active || !fresh)
            {
                return $"{LookupViolation}: key {key} returned {instance.Id} ({instance.State}), which is not a healthy member of the snapshot.";
            }
        }

        var minSuccess = Math.Max(ring.Config.ReplicationFactor, set.Walked.Length) / 2 + 1;
        return set.Instances.Length < minSuccess
            ? $"{LookupViolation}: key {key} returned {set.Instances.Length} healthy instances, fewer than max(RF, walked)/2+1 = {minSuccess}."
            : null;
    }

    /// <summary>When every member is done: each joiner is ACTIVE with the tokens it took, each leaver is LEAVING.</summary>
    public static string? CheckFinal(Ring ring, IReadOnlyDictionary<string, ImmutableArray<uint>> joined, IEnumerable<string> left)
    {
        var members = ring.Instances.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var (id, tokens) in joined)
        {
            if (!members.TryGetValue(id, out var member))
            {
                return $"{LostChange}: {id} joined but is missing from the final ring.";
            }

            if (member.State != LokiRouting.InstanceStates.Active)
            {
                return $"{LostChange}: {id} joined ACTIVE, but the final ring has it {member.State}.";
            }

            if (!member.Tokens.SequenceEqual(tokens))
            {
                return $"{LostChange}: {id} joined with {tokens.Length} tokens, but the final ring has it with {member.Tokens.Length} others.";
            }
        }

        foreach (var id in left)
        {
            if (!members.TryGetValue(id, out var member) || member.State != LokiRouting.InstanceStates.Leaving)
            {
                return $"{LostChange}: {id} started leaving, but the final ring has it {(member is null ? "missing" : member.State.Name)}.";
            }
        }

        return null;
    }
}
