using System.Collections.Immutable;

namespace Verified.Reference.Loki.Ring;

/// <summary>The whole-ring read set queriers fan out to.</summary>
public sealed partial class Ring
{
    /// <summary>
    /// dskit <c>GetReplicationSetForOperation</c>: every healthy instance. Not zone-aware: fails when fewer than
    /// the spec's read_required (max(N, RF) − RF/2) are healthy; MaxErrors = healthy − required. Zone-aware:
    /// up to max_unavailable_zones zones may have unhealthy instances, and every instance of such a zone is
    /// dropped. dskit iterates a Go map, so its order is unspecified; Verified returns instances by id.
    /// </summary>
    public ReplicationSet GetReplicationSetForOperation(Verified.Routing.RingOperation op, long nowUnixSeconds)
    {
        if (_tokens.Length == 0 || Instances.Length == 0)
        {
            return ReplicationSet.Failed(Spec.Errors.EmptyRing, ImmutableArray<RingInstance>.Empty);
        }

        var all = Instances.OrderBy(i => i.Id, StringComparer.Ordinal).ToImmutableArray();
        var healthy = all.Where(i => IsHealthy(i, op, nowUnixSeconds)).ToList();
        if (Config.ZoneAwareness)
        {
            var failedZones = all.Where(i => !IsHealthy(i, op, nowUnixSeconds)).Select(i => i.Zone).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            var maxUnavailableZones = Spec.MaxUnavailableZones(Zones.Length, Config.ReplicationFactor);
            if (failedZones.Count > maxUnavailableZones)
            {
                return ReplicationSet.Failed(Spec.Errors.TooManyUnhealthy, all);
            }

            var kept = healthy.Where(i => !failedZones.Contains(i.Zone)).ToImmutableArray();
            return new ReplicationSet(kept, 0, maxUnavailableZones - failedZones.Count, all, null);
        }

        var required = Spec.ReadRequired(Instances.Length, Config.ReplicationFactor);
        if (healthy.Count < required)
        {
            return ReplicationSet.Failed(Spec.Errors.TooManyUnhealthy, all);
        }

        return new ReplicationSet([.. healthy], healthy.Count - required, 0, all, null);
    }
}
