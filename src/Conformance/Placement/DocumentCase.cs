using Verified.Routing;

namespace Verified.Conformance.Placement;

/// <summary>A document routed into an index: layout, shard function, routing_partition_size, _id and routing.</summary>
/// <param name="Layout">N and R.</param>
/// <param name="Formula">Legacy or modulo.</param>
/// <param name="PartitionSize">p (1 = not partitioned).</param>
/// <param name="Id">The _id.</param>
/// <param name="Routing">The routing value, or null.</param>
public sealed record DocumentCase(ShardLayout Layout, ShardFormula Formula, int PartitionSize, string Id, string? Routing)
{
    /// <inheritdoc />
    public override string ToString() => $"{Layout} {Formula} p {PartitionSize} _id {Show.Text(Id)} routing {Show.Text(Routing)}";
}
