using Verified.Routing;

namespace Verified.Conformance.Placement;

/// <summary>Elasticsearch shard selection, from ELASTICSEARCH.md §1.2–1.5.</summary>
public static partial class IndependentModel
{
    /// <summary>Java Math.floorMod for a positive divisor: the remainder moved into [0, divisor).</summary>
    public static int FloorMod(int value, int divisor)
    {
        var remainder = value % divisor;
        return remainder < 0 ? remainder + divisor : remainder;
    }

    /// <summary>The shard of a routing hash: legacy FloorMod(h, R) / (R / N), modulo FloorMod(h, N).</summary>
    public static int Shard(ShardFormula formula, int hash, int shards, int routingShards) => formula == ShardFormula.Modulo
        ? FloorMod(hash, shards)
        : FloorMod(hash, routingShards) / (routingShards / shards);

    /// <summary>
    /// The shard of a document: effective routing = routing ?? id; with p &gt; 1 (routing given) the hash is
    /// Hash(routing) + FloorMod(Hash(id), p), Java int addition (wraps).
    /// </summary>
    public static int ShardOf(ShardFormula formula, string id, string? routing, int shards, int routingShards, int partitionSize)
    {
        if (partitionSize > 1 && routing is not null)
        {
            var offset = FloorMod(Murmur3Utf16(id), partitionSize);
            return Shard(formula, unchecked(Murmur3Utf16(routing) + offset), shards, routingShards);
        }

        return Shard(formula, Murmur3Utf16(routing ?? id), shards, routingShards);
    }

    /// <summary>Default routing shards of a REST-created index (7.0+): N &lt;&lt; max(1, 10 − ceil(log2 N)).</summary>
    public static int DefaultRoutingShards(int shards)
    {
        var ceilLog2 = 0;
        while ((1L << ceilLog2) < shards)
        {
            ceilLog2++;
        }

        return shards << Math.Max(1, 10 - ceilLog2);
    }
}
