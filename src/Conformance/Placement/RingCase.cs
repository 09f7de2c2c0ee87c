using System.Collections.Immutable;
using Verified.Reference.Loki.Ring;

namespace Verified.Conformance.Placement;

/// <summary>One generated ring lookup: the members, the ring settings, the operation (by name), the key and the clock.</summary>
/// <param name="Instances">Members with tokens, states, zones and heartbeats.</param>
/// <param name="Config">Replication factor, zone awareness, heartbeat timeout.</param>
/// <param name="Operation">Write, WriteNoExtend, Read or Reporting.</param>
/// <param name="Key">The token looked up.</param>
/// <param name="Now">The clock, Unix seconds.</param>
public sealed record RingCase(ImmutableArray<RingInstance> Instances, RingConfig Config, string Operation, uint Key, long Now)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"RF {Config.ReplicationFactor}{(Config.ZoneAwareness ? " zone-aware" : "")} timeout {Config.HeartbeatTimeoutSeconds}s op {Operation} key {Key}: "
        + string.Join("; ", Instances.Select(i =>
            $"{i.Id} {i.State.Name}{(i.Zone.Length > 0 ? " " + i.Zone : "")} age {Now - i.HeartbeatUnixSeconds}s tokens [{string.Join(",", i.Tokens)}]"));
}
