using System.Collections.Immutable;
using Verified.Routing;

namespace Verified.Reference.Loki.Ring;

/// <summary>One ring member as dskit's InstanceDesc holds it.</summary>
/// <param name="Id">Instance id (ring key).</param>
/// <param name="Addr">Address; dskit's error texts name instances by it.</param>
/// <param name="Zone">Availability zone, "" for none.</param>
/// <param name="State">Lifecycle state.</param>
/// <param name="Tokens">Owned tokens (any order; the ring sorts them).</param>
/// <param name="HeartbeatUnixSeconds">Last heartbeat, whole Unix seconds (dskit keeps seconds).</param>
public sealed record RingInstance(string Id, string Addr, string Zone, InstanceState State, ImmutableArray<uint> Tokens, long HeartbeatUnixSeconds)
{
    /// <summary>Whether <paramref name="op"/> counts this instance healthy at <paramref name="nowUnixSeconds"/>.</summary>
    /// <remarks>dskit ring/model.go IsHealthy: state healthy for the op AND now − heartbeat ≤ timeout (whole seconds, inclusive by default).</remarks>
    public bool IsHealthy(RingOperation op, long nowUnixSeconds, int heartbeatTimeoutSeconds, bool inclusive = true) =>
        op.IsHealthyState(State) && IsHeartbeatHealthy(nowUnixSeconds, heartbeatTimeoutSeconds, inclusive);

    /// <summary>dskit IsHeartbeatHealthy: <c>now.Sub(time.Unix(ts, 0)) &lt;= timeout</c>.</summary>
    public bool IsHeartbeatHealthy(long nowUnixSeconds, int heartbeatTimeoutSeconds, bool inclusive = true)
    {
        var age = nowUnixSeconds - HeartbeatUnixSeconds;
        return inclusive ? age <= heartbeatTimeoutSeconds : age < heartbeatTimeoutSeconds;
    }
}
