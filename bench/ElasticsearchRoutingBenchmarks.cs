using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Verified.Reference.Elasticsearch;
using Verified.Routing;

namespace Verified.Bench;

/// <summary>Elasticsearch shard id (murmur3 over UTF-16LE + legacy formula) beside the bare murmur3 over the same bytes.</summary>
[MemoryDiagnoser]
public class ElasticsearchRoutingBenchmarks
{
    private const string Id = "order-2026-11-25-000042";

    private readonly IndexRouting _routing = IndexRouting.Create(ElasticsearchRouting.Instance, 5);
    private readonly IndexRouting _partitioned = IndexRouting.Create(ElasticsearchRouting.Instance, 6, 6, 2);
    private readonly byte[] _bytes = MemoryMarshal.AsBytes(Id.AsSpan()).ToArray();

    [Benchmark(Baseline = true, Description = "bare murmur3 over the UTF-16LE bytes")]
    public uint BareMurmur3() => BareHashes.Murmur3(_bytes);

    [Benchmark(Description = "generated Hash(id)")]
    public int GeneratedHash() => ElasticsearchRouting.Hash(Id);

    [Benchmark(Description = "IndexRouting.ShardId(id, null), N=5 legacy default R")]
    public int ShardId() => _routing.ShardId(Id, null);

    [Benchmark(Description = "IndexRouting.ShardId(id, routing), p=2")]
    public int PartitionedShardId() => _partitioned.ShardId(Id, "customer-7");
}
