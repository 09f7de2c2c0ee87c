namespace Verified.Conformance.Placement;

/// <summary>What the independent ring model answers for a lookup, by instance id.</summary>
/// <param name="Walked">Instances in the order the walk took them (before the filter).</param>
/// <param name="Healthy">The replication set: the healthy walked instances, walk order kept.</param>
/// <param name="MinSuccess">max(RF, walked)/2 + 1 (or the read set's required count).</param>
/// <param name="MaxErrors">|Healthy| − MinSuccess; 0 on error.</param>
/// <param name="Error">dskit's error text, or null.</param>
public sealed record ModelReplicationSet(IReadOnlyList<string> Walked, IReadOnlyList<string> Healthy, int MinSuccess, int MaxErrors, string? Error)
{
    /// <inheritdoc />
    public override string ToString() => Error is null
        ? $"walked [{string.Join(",", Walked)}] set [{string.Join(",", Healthy)}] minSuccess {MinSuccess} maxErrors {MaxErrors}"
        : $"walked [{string.Join(",", Walked)}] error '{Error}'";
}
