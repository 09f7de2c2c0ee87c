namespace Verified.Conformance.Placement;

/// <summary>An index of N primaries with routing_partition_size p (p ≤ N and p ≤ the default routing factor) and a routing value.</summary>
/// <param name="Shards">N.</param>
/// <param name="PartitionSize">p.</param>
/// <param name="Routing">The routing value.</param>
public sealed record PartitionCountCase(int Shards, int PartitionSize, string Routing)
{
    /// <inheritdoc />
    public override string ToString() => $"N {Shards} p {PartitionSize} routing {Show.Text(Routing)}";
}
