using System.Collections.Immutable;
using Verified.Routing;

namespace Verified.Conformance.Placement;

/// <summary>A partitioned index and one routing value with several documents under it.</summary>
/// <param name="Layout">N and R.</param>
/// <param name="Formula">Legacy or modulo.</param>
/// <param name="PartitionSize">p ≥ 2.</param>
/// <param name="Routing">The routing value.</param>
/// <param name="Ids">Documents routed with it.</param>
public sealed record PartitionCase(ShardLayout Layout, ShardFormula Formula, int PartitionSize, string Routing, ImmutableArray<string> Ids)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Layout} {Formula} p {PartitionSize} routing {Show.Text(Routing)} ids [{string.Join(",", Ids.Select(Show.Text))}]";
}
