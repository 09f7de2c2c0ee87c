namespace Verified.Conformance.Placement;

/// <summary>An index's primaries N and routing shards R (a multiple of N).</summary>
/// <param name="Shards">number_of_shards.</param>
/// <param name="RoutingShards">routing_num_shards.</param>
public sealed record ShardLayout(int Shards, int RoutingShards)
{
    /// <summary>R / N.</summary>
    public int RoutingFactor => RoutingShards / Shards;

    /// <inheritdoc />
    public override string ToString() => $"N {Shards} R {RoutingShards}";
}
