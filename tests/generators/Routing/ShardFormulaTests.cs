using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Routing;

/// <summary>The generated shard-formula members follow the spec: default routing shards, formula, and modulo kind.</summary>
public sealed class ShardFormulaTests
{
    // Routing values whose hashes are negative as well as positive, so floor and truncating modulo differ.
    private static readonly string[] _ids = ["hello", "a", "b", "doc-1", "doc-2", "doc-3", "user:42", "é", "😀", "0", "1", "2"];

    private static readonly Lazy<GeneratedAssembly> _assembly = new(() =>
    {
        var run = GeneratorHarness.Run(
            SpecTexts.File(SpecTexts.ElasticsearchPath),
            SpecTexts.File(SpecTexts.ElasticsearchModuloPath),
            SpecTexts.File("spec/mutants/elasticsearch-truncating-mod.yaml"));
        run.Diagnostics.ShouldBeEmpty(DiagnosticExtensions.Describe(run));
        return GeneratedAssembly.LoadAsConsumer(run);
    });

    private static GeneratedAssembly Generated => _assembly.Value;

    [Theory]
    [InlineData(1, 1024)]
    [InlineData(3, 768)]
    public void DefaultRoutingShards_OfTheBaseSpec_IsTheGoldValue(int shards, int expected) =>
        Generated.Call<int>("ElasticsearchRouting", "DefaultRoutingShards", shards).ShouldBe(expected);

    [Fact]
    public void DefaultRoutingShards_IsNShiftedByMaxOf1And10MinusCeilLog2N()
    {
        foreach (var n in Enumerable.Range(1, 130).Append(1000).Append(1024))
        {
            var ceilLog2 = n == 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(n - 1));
            Generated.Call<int>("ElasticsearchRouting", "DefaultRoutingShards", n).ShouldBe(n << Math.Max(1, 10 - ceilLog2), $"N={n}");
        }
    }

    [Fact]
    public void SomeTestRoutingValues_HaveNegativeHashes()
    {
        // Otherwise the modulo tests below could not tell floorMod from %.
        _ids.ShouldContain(id => Generated.Call<int>("ElasticsearchRouting", "Hash", id) < 0);
    }

    [Fact]
    public void ModuloVariant_DefaultsToModulo_AndItsShardIsFloorModOfTheHash()
    {
        var modulo = Generated.Get("ElasticsearchModuloRouting", "Formula");
        modulo!.ToString().ShouldBe("Modulo");
        foreach (var n in new[] { 1, 2, 3, 5, 7, 16 })
        {
            var routingShards = Generated.Call<int>("ElasticsearchModuloRouting", "DefaultRoutingShards", n);
            foreach (var id in _ids)
            {
                var hash = Generated.Call<int>("ElasticsearchModuloRouting", "Hash", id);
                Generated.Call<int>("ElasticsearchModuloRouting", "ShardOf", id, null, n, routingShards, 1, modulo)
                    .ShouldBe(FloorMod(hash, n), $"id={id} N={n}");
            }
        }
    }

    [Fact]
    public void BaseSpec_DefaultsToLegacy_FloorModByRoutingShardsDividedByTheFactor()
    {
        var legacy = Generated.Get("ElasticsearchRouting", "Formula");
        legacy!.ToString().ShouldBe("Legacy");
        foreach (var n in new[] { 1, 2, 3, 5, 7, 16 })
        {
            var routingShards = Generated.Call<int>("ElasticsearchRouting", "DefaultRoutingShards", n);
            foreach (var id in _ids)
            {
                var hash = Generated.Call<int>("ElasticsearchRouting", "Hash", id);
                Generated.Call<int>("ElasticsearchRouting", "ShardOf", id, null, n, routingShards, 1, legacy)
                    .ShouldBe(FloorMod(hash, routingShards) / (routingShards / n), $"id={id} N={n}");
            }
        }
    }

    [Fact]
    public void ModuloKind_FloorVersusTruncating_FollowsTheSpec()
    {
        Generated.Call<int>("ElasticsearchModuloRouting", "Mod", -7, 5).ShouldBe(3);
        Generated.Call<int>("MutantElasticsearchTruncatingModRouting", "Mod", -7, 5).ShouldBe(-2);
    }

    private static int FloorMod(int value, int divisor) => ((value % divisor) + divisor) % divisor;
}
