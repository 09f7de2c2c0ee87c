using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Verified.Reference.Loki.Ring;
using Verified.Routing;

namespace Verified.Bench;

/// <summary>
/// Loki routing hot path: TokenFor (UTF-8 encode + FNV-1) and ring Get (RF 3, 128 tokens per instance), beside
/// the bare FNV-1 over the same bytes. Target: TokenFor + Get within 3× of the bare hash, 0 bytes allocated.
/// </summary>
[MemoryDiagnoser]
public class LokiRoutingBenchmarks
{
    private const string Tenant = "tenant-1";
    private const string Labels = "{app=\"api\", cluster=\"prod-eu-1\", container=\"server\", namespace=\"payments\", pod=\"api-7d9f8c6b5-x2x7q\", service_name=\"api\"}";
    private const long Now = 1_000_000;

    private readonly int[] _result = new int[128];
    private byte[] _keyBytes = [];
    private Ring _ring = null!;

    /// <summary>Ring size.</summary>
    [Params(6, 100)]
    public int Instances { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _keyBytes = Encoding.UTF8.GetBytes(Tenant + Labels);
        var generator = new TokenGenerator(new Random(42));
        var taken = new HashSet<uint>();
        var instances = new List<RingInstance>();
        for (var i = 0; i < Instances; i++)
        {
            var tokens = generator.Generate(LokiRouting.TokensPerInstanceValue, taken);
            taken.UnionWith(tokens);
            instances.Add(new RingInstance($"ingester-{i}", $"10.0.0.{i}:9095", string.Empty, LokiRouting.InstanceStates.Active, [.. tokens], Now));
        }

        _ring = new Ring(LokiRouting.Instance, instances);
    }

    [Benchmark(Baseline = true, Description = "bare FNV-1 over the label bytes")]
    public uint BareFnv1() => BareHashes.Fnv1(_keyBytes);

    [Benchmark(Description = "generated HashBytes over the label bytes")]
    public uint GeneratedHashBytes() => LokiRouting.HashBytes(_keyBytes);

    [Benchmark(Description = "TokenFor(tenant, labels)")]
    public uint TokenFor() => LokiRouting.TokenFor(Tenant, Labels);

    [Benchmark(Description = "ring GetInto(key, WriteNoExtend)")]
    public int RingGet() => _ring.GetInto(0x9E3779B9u, LokiRouting.RingOperations.WriteNoExtend, Now, _result, out _);

    [Benchmark(Description = "TokenFor + ring GetInto")]
    public int TokenForPlusGet() => _ring.GetInto(LokiRouting.TokenFor(Tenant, Labels), LokiRouting.RingOperations.WriteNoExtend, Now, _result, out _);

    [Benchmark(Description = "TokenFor + ring Get (allocating API)")]
    public ImmutableArray<RingInstance> TokenForPlusGetAllocating() => _ring.Get(LokiRouting.TokenFor(Tenant, Labels), LokiRouting.RingOperations.WriteNoExtend, Now).Instances;
}
