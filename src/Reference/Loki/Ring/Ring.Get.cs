using System.Collections.Immutable;
using System.Globalization;
using Verified.Routing;

namespace Verified.Reference.Loki.Ring;

/// <summary>Key lookup: the ring walk (findInstancesForKey) and the replication-strategy filter.</summary>
public sealed partial class Ring
{
    /// <summary>
    /// dskit <c>Ring.Get(key, op)</c>: walk the ring from the first token after <paramref name="key"/>, then keep the
    /// healthy instances and compute MaxErrors, or fail with dskit's text.
    /// </summary>
    public ReplicationSet Get(uint key, RingOperation op, long nowUnixSeconds)
    {
        if (_tokens.Length == 0)
        {
            return ReplicationSet.Failed(Spec.Errors.EmptyRing, ImmutableArray<RingInstance>.Empty);
        }

        Span<int> walk = Instances.Length <= 64 ? stackalloc int[Instances.Length] : new int[Instances.Length];
        var walked = Walk(key, op, walk);
        var walkedInstances = ToInstances(walk[..walked]);
        Span<int> healthy = walk.Length <= 64 ? stackalloc int[walked] : new int[walked];
        var count = Filter(walk[..walked], op, nowUnixSeconds, healthy, out var maxErrors, out var minSuccess);
        if (count < minSuccess)
        {
            return ReplicationSet.Failed(FilterError(walk[..walked], op, nowUnixSeconds, minSuccess, count), walkedInstances);
        }

        return new ReplicationSet(ToInstances(healthy[..count]), maxErrors, 0, walkedInstances, null);
    }

    /// <summary>
    /// Allocation-free lookup for hot paths: writes the healthy instance indices into <paramref name="result"/>
    /// (at least <see cref="Instances"/>.Length long) and returns their count, or −1 when the lookup fails
    /// (call <see cref="Get"/> for the error text).
    /// </summary>
    public int GetInto(uint key, RingOperation op, long nowUnixSeconds, Span<int> result, out int maxErrors)
    {
        maxErrors = 0;
        if (_tokens.Length == 0)
        {
            return -1;
        }

        var walked = Walk(key, op, result);
        var count = Filter(result[..walked], op, nowUnixSeconds, result, out maxErrors, out var minSuccess);
        return count < minSuccess ? -1 : count;
    }

    /// <summary>
    /// findInstancesForKey (dskit ring/ring.go): from the spec's start token, take distinct instances until
    /// min(#instances, size) are taken or every token was visited; an instance in a state the operation
    /// extends on grows size by one. Zone-aware: at most one per zone, stopping once every zone has one or
    /// has had all its instances examined. Returns the count written to <paramref name="output"/>.
    /// </summary>
    private int Walk(uint key, RingOperation op, Span<int> output)
    {
        var n = _tokens.Length;
        var size = Config.ReplicationFactor;
        var zoneAware = Config.ZoneAwareness;
        var maxInstances = Instances.Length;
        // dskit: targetHostsPerZone = max(1, RF / maxZones) with maxZones = RF, i.e. one instance per zone.
        const int target = 1;
        Span<int> found = _hostsPerZone.Length <= 32 ? stackalloc int[_hostsPerZone.Length] : new int[_hostsPerZone.Length];
        Span<int> examined = _hostsPerZone.Length <= 32 ? stackalloc int[_hostsPerZone.Length] : new int[_hostsPerZone.Length];
        found.Clear();
        examined.Clear();
        var count = 0;
        var iterations = 0;
        for (var i = Spec.SearchToken(_tokens, key); count < Math.Min(maxInstances, size) && iterations < n; i++)
        {
            if (zoneAware && CanStopLooking(found, examined, target))
            {
                break;
            }

            iterations++;
            var owner = _owners[i % n];
            if ((_faults & RingFaults.DuplicateInstanceNotSkipped) == 0 && output[..count].Contains(owner))
            {
                continue;
            }

            var zone = _zoneOf[owner];
            if (zoneAware && zone >= 0)
            {
                if (found[zone] >= target)
                {
                    continue;
                }

                examined[zone]++;
            }

            if (count == output.Length)
            {
                break;
            }

            output[count++] = owner;
            if (op.ShouldExtend(Instances[owner].State))
            {
                size++;
            }
            else if (zoneAware && zone >= 0)
            {
                found[zone]++;
            }
        }

        return count;
    }

    private ImmutableArray<RingInstance> ToInstances(ReadOnlySpan<int> indices)
    {
        var builder = ImmutableArray.CreateBuilder<RingInstance>(indices.Length);
        foreach (var i in indices)
        {
            builder.Add(Instances[i]);
        }

        return builder.MoveToImmutable();
    }

    private bool CanStopLooking(Span<int> found, Span<int> examined, int target)
    {
        for (var z = 0; z < _hostsPerZone.Length; z++)
        {
            if (found[z] < target && examined[z] < _hostsPerZone[z])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// defaultReplicationStrategy.Filter (dskit ring/replication_strategy.go): minSuccess from the spec formula
    /// (max(RF, walked)/2+1 in dskit), drop the unhealthy keeping walk order, MaxErrors = healthy − minSuccess.
    /// </summary>
    private int Filter(ReadOnlySpan<int> walked, RingOperation op, long now, Span<int> healthy, out int maxErrors, out int minSuccess)
    {
        minSuccess = Spec.MinSuccess(Config.ReplicationFactor, walked.Length);
        var count = 0;
        foreach (var index in walked)
        {
            if (IsHealthy(Instances[index], op, now))
            {
                healthy[count++] = index;
            }
        }

        maxErrors = count - minSuccess;
        return count;
    }

    private string FilterError(ReadOnlySpan<int> walked, RingOperation op, long now, int minSuccess, int healthy)
    {
        var unhealthy = new List<string>();
        foreach (var index in walked)
        {
            if (!IsHealthy(Instances[index], op, now))
            {
                unhealthy.Add(Instances[index].Addr);
            }
        }

        var template = Config.ZoneAwareness ? Spec.Errors.TooFewLiveZones : Spec.Errors.TooFewLive;
        var message = string.Format(CultureInfo.InvariantCulture, template, minSuccess, healthy);
        return unhealthy.Count == 0 ? message : message + string.Format(CultureInfo.InvariantCulture, Spec.Errors.UnhealthySuffix, string.Join(",", unhealthy));
    }
}
