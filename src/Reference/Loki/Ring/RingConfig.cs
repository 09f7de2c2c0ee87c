using Verified.Routing;

namespace Verified.Reference.Loki.Ring;

/// <summary>Per-ring settings; <see cref="From"/> takes them from a spec.</summary>
/// <param name="ReplicationFactor">Replicas per key (dskit <c>replication_factor</c>).</param>
/// <param name="ZoneAwareness">At most one replica per zone.</param>
/// <param name="HeartbeatTimeoutSeconds">Heartbeat timeout; dskit rejects 0.</param>
public readonly record struct RingConfig(int ReplicationFactor, bool ZoneAwareness, int HeartbeatTimeoutSeconds)
{
    /// <summary>The spec's defaults.</summary>
    public static RingConfig From(ITokenRingSpec spec) => new(spec.ReplicationFactor, spec.ZoneAwareness, spec.HeartbeatTimeoutSeconds);
}
