namespace Verified.Conformance.Placement;

/// <summary>A split of an index of N primaries into N·k, R fixed, and a key routed before and after.</summary>
/// <param name="Shards">N before the split.</param>
/// <param name="Factor">k.</param>
/// <param name="RoutingShards">R, a multiple of N·k.</param>
/// <param name="Key">The effective routing.</param>
public sealed record SplitCase(int Shards, int Factor, int RoutingShards, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"N {Shards} → {Shards * Factor} R {RoutingShards} key {Show.Text(Key)}";
}
