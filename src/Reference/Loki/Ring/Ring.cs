using System.Collections.Immutable;
using System.Globalization;
using Verified.Routing;

namespace Verified.Reference.Loki.Ring;

/// <summary>
/// A snapshot of a dskit ring (grafana/dskit ring/ring.go): instances with tokens, zones, states and
/// heartbeats. Immutable; a membership change builds a new ring. Lookups follow the spec's token search and
/// quorum formulas, and dskit's walk and error texts.
/// </summary>
public sealed partial class Ring
{
    private readonly uint[] _tokens;
    private readonly int[] _owners;
    private readonly int[] _zoneOf;
    private readonly int[] _hostsPerZone;
    private readonly RingFaults _faults;

    /// <summary>Builds a ring; throws <see cref="ArgumentException"/> with a readable message for an invalid one.</summary>
    public Ring(ITokenRingSpec spec, IEnumerable<RingInstance> instances, RingConfig? config = null)
        : this(spec, instances, config ?? RingConfig.From(spec), RingFaults.None)
    {
    }

    internal Ring(ITokenRingSpec spec, IEnumerable<RingInstance> instances, RingConfig config, RingFaults faults)
    {
        Spec = spec;
        Config = config;
        _faults = faults;
        if (config.ReplicationFactor < 1)
        {
            // dskit ring.New: "ReplicationFactor must be greater than zero: %d"
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"ReplicationFactor must be greater than zero: {config.ReplicationFactor}"));
        }

        if (config.HeartbeatTimeoutSeconds <= 0)
        {
            throw new ArgumentException("heartbeat timeout must be greater than 0");
        }

        Instances = [.. instances];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in Instances)
        {
            if (!ids.Add(instance.Id))
            {
                throw new ArgumentException($"instance '{instance.Id}' is listed twice");
            }
        }

        var zones = Instances.Select(i => i.Zone).Where(z => z.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Zones = [.. zones];
        _zoneOf = Instances.Select(i => i.Zone.Length == 0 ? -1 : Array.IndexOf(zones, i.Zone)).ToArray();
        _hostsPerZone = new int[zones.Length];
        foreach (var z in _zoneOf)
        {
            if (z >= 0)
            {
                _hostsPerZone[z]++;
            }
        }

        var pairs = new List<(uint Token, int Owner)>();
        for (var i = 0; i < Instances.Length; i++)
        {
            foreach (var token in Instances[i].Tokens)
            {
                pairs.Add((token, i));
            }
        }

        pairs.Sort((a, b) => a.Token.CompareTo(b.Token));
        for (var i = 1; i < pairs.Count; i++)
        {
            if (pairs[i].Token == pairs[i - 1].Token)
            {
                var a = Instances[pairs[i - 1].Owner].Id;
                var b = Instances[pairs[i].Owner].Id;
                throw new ArgumentException(a == b
                    ? $"instance '{a}' lists token {pairs[i].Token} twice"
                    : $"token {pairs[i].Token} is owned by both '{a}' and '{b}'; ring tokens must be unique");
            }
        }

        _tokens = pairs.Select(p => p.Token).ToArray();
        _owners = pairs.Select(p => p.Owner).ToArray();
    }

    /// <summary>The spec whose search and quorum rules this ring follows.</summary>
    public ITokenRingSpec Spec { get; }

    /// <summary>Replication factor, zone awareness and heartbeat timeout.</summary>
    public RingConfig Config { get; }

    /// <summary>The members, in the order given.</summary>
    public ImmutableArray<RingInstance> Instances { get; }

    /// <summary>The distinct non-empty zones, sorted.</summary>
    public ImmutableArray<string> Zones { get; }

    /// <summary>All tokens, sorted ascending.</summary>
    public ReadOnlySpan<uint> Tokens => _tokens;

    /// <summary>The owner (index into <see cref="Instances"/>) of the token at <paramref name="tokenIndex"/>.</summary>
    public int OwnerOfToken(int tokenIndex) => _owners[tokenIndex];

    /// <summary>The instance whose token a walk for <paramref name="key"/> starts at (the primary owner).</summary>
    public RingInstance PrimaryOwner(uint key) =>
        _tokens.Length == 0 ? throw new InvalidOperationException(Spec.Errors.EmptyRing) : Instances[_owners[Spec.SearchToken(_tokens, key)]];

    /// <summary>Whether <paramref name="instance"/> is healthy for <paramref name="op"/> at <paramref name="nowUnixSeconds"/>.</summary>
    public bool IsHealthy(RingInstance instance, RingOperation op, long nowUnixSeconds) =>
        instance.IsHealthy(op, nowUnixSeconds, Config.HeartbeatTimeoutSeconds, Spec.HeartbeatBoundInclusive);
}
