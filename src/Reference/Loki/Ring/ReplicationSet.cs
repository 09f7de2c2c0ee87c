using System.Collections.Immutable;

namespace Verified.Reference.Loki.Ring;

/// <summary>
/// The answer of a ring lookup: the instances to send to (healthy, in walk order) and how many of them may
/// fail, or dskit's error text. <see cref="Walked"/> is the walk before the unhealthy were removed.
/// </summary>
public sealed record ReplicationSet(
    ImmutableArray<RingInstance> Instances,
    int MaxErrors,
    int MaxUnavailableZones,
    ImmutableArray<RingInstance> Walked,
    string? Error)
{
    /// <summary>Whether the lookup succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Successes a writer needs: |instances| − MaxErrors (Loki's streamTracker.minSuccess).</summary>
    public int MinSuccess => Instances.Length - MaxErrors;

    /// <summary>A failed lookup.</summary>
    public static ReplicationSet Failed(string error, ImmutableArray<RingInstance> walked) =>
        new(ImmutableArray<RingInstance>.Empty, 0, 0, walked, error);
}
