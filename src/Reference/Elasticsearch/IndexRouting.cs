using System.Globalization;
using Verified.Routing;

namespace Verified.Reference.Elasticsearch;

/// <summary>
/// The routing of one index (Elasticsearch IndexRouting / IndexMetadata): primaries N, routing shards R,
/// routing_partition_size p and the shard function. <see cref="Create"/> validates as Elasticsearch does and
/// throws <see cref="ArgumentException"/> with its texts; the hashing and formulas are the spec's generated code.
/// </summary>
public sealed class IndexRouting
{
    private IndexRouting(IShardFormulaSpec spec, string index, int shards, int routingShards, int partitionSize, ShardFormula formula)
    {
        Spec = spec;
        Index = index;
        Shards = shards;
        RoutingShards = routingShards;
        PartitionSize = partitionSize;
        Formula = formula;
    }

    /// <summary>The spec whose hash and formulas apply.</summary>
    public IShardFormulaSpec Spec { get; }

    /// <summary>Index name (appears in error texts).</summary>
    public string Index { get; }

    /// <summary>number_of_shards (N).</summary>
    public int Shards { get; }

    /// <summary>Effective routing_num_shards (R).</summary>
    public int RoutingShards { get; }

    /// <summary>routing_partition_size (p).</summary>
    public int PartitionSize { get; }

    /// <summary>The shard function.</summary>
    public ShardFormula Formula { get; }

    /// <summary>R / N: how many routing residues each shard owns under the legacy formula.</summary>
    public int RoutingFactor => RoutingShards / Shards;

    /// <summary>
    /// Validates and builds the routing of an index. <paramref name="routingShards"/> null = the spec's default for
    /// a REST-created index; <paramref name="partitionSize"/> null = the spec default (1); <paramref name="formula"/>
    /// null = the spec's formula.
    /// </summary>
    /// <exception cref="ArgumentException">An invalid combination; the message is Elasticsearch's.</exception>
    public static IndexRouting Create(IShardFormulaSpec spec, int shards, int? routingShards = null, int? partitionSize = null, ShardFormula? formula = null, string index = "index")
    {
        if (shards < 1)
        {
            throw new ArgumentException(Format(spec.Errors.ShardsPositive, shards));
        }

        var r = routingShards ?? spec.DefaultRoutingShards(shards);
        if (r < shards || r % shards != 0)
        {
            throw new ArgumentException(Format(spec.Errors.RoutingShardsFactor, shards, r));
        }

        var p = partitionSize ?? spec.DefaultPartitionSize;
        // IndexMetadata.Builder.build checks p against R (the docs say N): p != 1 && p >= R is rejected.
        if (p < 1 || (p != 1 && p >= r))
        {
            throw new ArgumentException(Format(spec.Errors.PartitionSizeRange, p, r, index));
        }

        return new IndexRouting(spec, index, shards, r, p, formula ?? spec.DefaultFormula);
    }

    /// <summary>Whether documents must carry a routing value (partitioned indices).</summary>
    public bool RoutingRequired => PartitionSize > 1 && Spec.PartitionRequiresRouting;

    /// <summary>The shard of a document; effective routing = <paramref name="routing"/> ?? <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">Routing is required and missing: <c>routing is required for [index]/[id]</c>.</exception>
    public int ShardId(string id, string? routing)
    {
        if (routing is null && RoutingRequired)
        {
            throw new ArgumentException(Format(Spec.Errors.RoutingMissing, Index, id));
        }

        return Spec.ShardOf(id, routing, Shards, RoutingShards, PartitionSize, Formula);
    }

    /// <summary>The shards a search with <paramref name="routing"/> visits, ascending (IndexRouting.collectSearchShards).</summary>
    public IReadOnlyList<int> SearchShards(string routing)
    {
        var result = new SortedSet<int>();
        var hash = Spec.Hash(routing);
        if (PartitionSize <= 1)
        {
            result.Add(Spec.Shard(hash, Shards, RoutingShards, Formula));
            return [.. result];
        }

        for (var offset = 0; offset < PartitionSize; offset++)
        {
            result.Add(Spec.PartitionOffsetInHashSpace
                ? Spec.Shard(unchecked(hash + offset), Shards, RoutingShards, Formula)
                : Spec.Mod(Spec.Shard(hash, Shards, RoutingShards, Formula) + offset, Shards));
        }

        return [.. result];
    }

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
