using Verified.Reference.Loki.Ring;

namespace Verified.Conformance.Placement;

/// <summary>dskit's ring lookup, filter and read set, ported straight from the LOKI.md §2 pseudo-code.</summary>
public static partial class IndependentModel
{
    /// <summary>Instance states healthy for each operation (LOKI.md §2 table; dskit ring/ring.go).</summary>
    public static IReadOnlyDictionary<string, string[]> HealthyStates { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Write"] = ["ACTIVE"],
        ["WriteNoExtend"] = ["ACTIVE"],
        ["Read"] = ["ACTIVE", "PENDING", "LEAVING"],
        ["Reporting"] = ["ACTIVE", "LEAVING", "PENDING", "JOINING", "LEFT"],
    };

    /// <summary>Instance states that lengthen the walk by one for each operation (same table).</summary>
    public static IReadOnlyDictionary<string, string[]> ExtendingStates { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Write"] = ["LEAVING", "PENDING", "JOINING", "LEFT"],
        ["WriteNoExtend"] = [],
        ["Read"] = ["PENDING", "JOINING", "LEFT"],
        ["Reporting"] = [],
    };

    /// <summary>Index of the first token strictly greater than <paramref name="key"/>, else 0: a plain linear scan.</summary>
    public static int SearchTokenLinear(IReadOnlyList<uint> sortedTokens, uint key)
    {
        for (var i = 0; i < sortedTokens.Count; i++)
        {
            if (sortedTokens[i] > key)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>dskit IsHealthy: a state healthy for the operation and <c>now − heartbeat ≤ timeout</c> in whole seconds.</summary>
    public static bool IsHealthy(RingInstance instance, string operation, int timeoutSeconds, long now) =>
        HealthyStates[operation].Contains(instance.State.Name) && now - instance.HeartbeatUnixSeconds <= timeoutSeconds;

    /// <summary>
    /// dskit <c>Ring.Get</c>: the walk (findInstancesForKey) then defaultReplicationStrategy.Filter, as in LOKI.md §2.
    /// Zone awareness takes one instance per zone; an instance whose state extends the walk does not count for its zone.
    /// </summary>
    public static ModelReplicationSet DskitGet(IReadOnlyList<RingInstance> instances, uint key, string operation, int replicationFactor, bool zoneAware, int timeoutSeconds, long now)
    {
        var ring = instances.SelectMany(i => i.Tokens.Select(token => (Token: token, Owner: i))).OrderBy(p => p.Token).ToList();
        if (ring.Count == 0)
        {
            return new ModelReplicationSet([], [], 0, 0, "empty ring");
        }

        var start = SearchTokenLinear(ring.Select(p => p.Token).ToList(), key);
        var size = replicationFactor;
        var taken = new List<RingInstance>();
        var zones = instances.Select(i => i.Zone).Where(z => z.Length > 0).Distinct().ToList();
        var found = zones.ToDictionary(z => z, _ => 0);
        var examined = zones.ToDictionary(z => z, _ => 0);
        var hostsInZone = zones.ToDictionary(z => z, z => instances.Count(i => i.Zone == z));
        for (var step = 0; step < ring.Count && taken.Count < Math.Min(instances.Count, size); step++)
        {
            if (zoneAware && zones.All(z => found[z] >= 1 || examined[z] >= hostsInZone[z]))
            {
                break;
            }

            var instance = ring[(start + step) % ring.Count].Owner;
            if (taken.Any(t => t.Id == instance.Id))
            {
                continue;
            }

            var hasZone = zoneAware && instance.Zone.Length > 0;
            if (hasZone)
            {
                if (found[instance.Zone] >= 1)
                {
                    continue; // skipped, not marked seen: another token of it may come round again
                }

                examined[instance.Zone]++;
            }

            taken.Add(instance);
            if (ExtendingStates[operation].Contains(instance.State.Name))
            {
                size++;
            }
            else if (hasZone)
            {
                found[instance.Zone]++;
            }
        }

        return Filter(taken, operation, replicationFactor, zoneAware, timeoutSeconds, now);
    }

    /// <summary>defaultReplicationStrategy.Filter: minSuccess = max(RF, walked)/2 + 1; keep the healthy in order; else dskit's error.</summary>
    public static ModelReplicationSet Filter(IReadOnlyList<RingInstance> walked, string operation, int replicationFactor, bool zoneAware, int timeoutSeconds, long now)
    {
        var minSuccess = (Math.Max(replicationFactor, walked.Count) / 2) + 1;
        var healthy = walked.Where(i => IsHealthy(i, operation, timeoutSeconds, now)).ToList();
        var unhealthy = walked.Where(i => !IsHealthy(i, operation, timeoutSeconds, now)).Select(i => i.Addr).ToList();
        var walkedIds = walked.Select(i => i.Id).ToList();
        if (healthy.Count < minSuccess)
        {
            var zonesText = zoneAware ? " across different availability zones" : "";
            var suffix = unhealthy.Count > 0 ? " - unhealthy instances: " + string.Join(",", unhealthy) : "";
            return new ModelReplicationSet(walkedIds, [], minSuccess, 0, $"at least {minSuccess} live replicas required{zonesText}, could only find {healthy.Count}{suffix}");
        }

        return new ModelReplicationSet(walkedIds, healthy.Select(i => i.Id).ToList(), minSuccess, healthy.Count - minSuccess, null);
    }

    /// <summary>
    /// GetReplicationSetForOperation without zones: every healthy instance (by id; dskit's order is a Go map's),
    /// required = max(N, RF) − RF/2, else <c>too many unhealthy instances in the ring</c>.
    /// </summary>
    public static ModelReplicationSet ReadSet(IReadOnlyList<RingInstance> instances, string operation, int replicationFactor, int timeoutSeconds, long now)
    {
        if (instances.Sum(i => i.Tokens.Length) == 0)
        {
            return new ModelReplicationSet([], [], 0, 0, "empty ring");
        }

        var all = instances.Select(i => i.Id).Order(StringComparer.Ordinal).ToList();
        var healthy = instances.Where(i => IsHealthy(i, operation, timeoutSeconds, now)).Select(i => i.Id).Order(StringComparer.Ordinal).ToList();
        var required = Math.Max(instances.Count, replicationFactor) - (replicationFactor / 2);
        return healthy.Count < required
            ? new ModelReplicationSet(all, [], required, 0, "too many unhealthy instances in the ring")
            : new ModelReplicationSet(all, healthy, required, healthy.Count - required, null);
    }
}
