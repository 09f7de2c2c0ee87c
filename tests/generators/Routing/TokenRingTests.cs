using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Routing;

/// <summary>
/// The generated token-ring members follow the spec: replication factor and zone awareness, the quorum formulas,
/// the token search bound and the dskit operation masks.
/// </summary>
public sealed class TokenRingTests
{
    private static readonly Lazy<GeneratedAssembly> _assembly = new(() =>
    {
        var run = GeneratorHarness.Run(
            SpecTexts.File(SpecTexts.LokiPath),
            SpecTexts.File(SpecTexts.LokiRf5ZonesPath),
            VariantSpec.Over("loki", "loki-quorum", "LokiQuorumRouting", "placement:\n  quorum:\n    min_success: rf\n    read_required: instances - 1\n    max_unavailable_zones: zones - rf / 3"),
            VariantSpec.Over("loki", "loki-ge-search", "LokiGeSearchRouting", "placement:\n  token_search: greater-or-equal-wrap"));
        run.Diagnostics.ShouldBeEmpty(DiagnosticExtensions.Describe(run));

        // SearchToken takes a ReadOnlySpan, which reflection cannot pass: a probe forwards from an array.
        const string probe = """
            namespace Verified.Routing.Probes
            {
                public static class SearchProbe
                {
                    public static int Strict(uint[] tokens, uint key) => global::Verified.Routing.LokiRouting.SearchToken(tokens, key);
                    public static int GreaterOrEqual(uint[] tokens, uint key) => global::Verified.Routing.LokiGeSearchRouting.SearchToken(tokens, key);
                }
            }
            """;
        return GeneratedAssembly.LoadAsConsumer(run, probe);
    });

    private static GeneratedAssembly Generated => _assembly.Value;

    [Fact]
    public void Rf5ZoneAwareVariant_HasReplicationFactor5_AndZoneAwareness()
    {
        Generated.Get<int>("LokiRf5ZonesRouting", "ReplicationFactor").ShouldBe(5);
        Generated.Get<bool>("LokiRf5ZonesRouting", "ZoneAwareness").ShouldBeTrue();
        Generated.Get<int>("LokiRf5ZonesRouting", "TokensPerInstance").ShouldBe(128); // inherited from the base
    }

    [Fact]
    public void LokiBase_HasReplicationFactor3_WithoutZoneAwareness()
    {
        Generated.Get<int>("LokiRouting", "ReplicationFactor").ShouldBe(3);
        Generated.Get<bool>("LokiRouting", "ZoneAwareness").ShouldBeFalse();
        Generated.Get<int>("LokiRouting", "HeartbeatTimeoutSeconds").ShouldBe(60);
        Generated.Get<bool>("LokiRouting", "HeartbeatBoundInclusive").ShouldBeTrue();
    }

    [Fact]
    public void LokiQuorum_IsMaxOfRfAndWalked_HalvedPlusOne()
    {
        for (var rf = 1; rf <= 6; rf++)
        {
            for (var walked = 0; walked <= 10; walked++)
            {
                Generated.Call<int>("LokiRouting", "MinSuccess", rf, walked).ShouldBe((Math.Max(rf, walked) / 2) + 1, $"rf={rf} walked={walked}");
                Generated.Call<int>("LokiRouting", "ReadRequired", walked, rf).ShouldBe(Math.Max(walked, rf) - (rf / 2), $"instances={walked} rf={rf}");
                Generated.Call<int>("LokiRouting", "MaxUnavailableZones", walked, rf).ShouldBe(Math.Min(walked, rf) / 2, $"zones={walked} rf={rf}");
            }
        }
    }

    [Fact]
    public void DifferentQuorumFormulas_ProduceThatArithmetic()
    {
        for (var rf = 1; rf <= 6; rf++)
        {
            for (var n = 0; n <= 10; n++)
            {
                Generated.Call<int>("LokiQuorumRouting", "MinSuccess", rf, n).ShouldBe(rf);
                Generated.Call<int>("LokiQuorumRouting", "ReadRequired", n, rf).ShouldBe(n - 1);
                Generated.Call<int>("LokiQuorumRouting", "MaxUnavailableZones", n, rf).ShouldBe(n - (rf / 3));
            }
        }
    }

    [Theory]
    [InlineData(5u, 0, 0)]
    [InlineData(10u, 1, 0)] // equal to a token: strict moves on, >= stops
    [InlineData(15u, 1, 1)]
    [InlineData(20u, 2, 1)]
    [InlineData(30u, 0, 2)] // equal to the last token: strict wraps
    [InlineData(31u, 0, 0)]
    public void TokenSearch_FollowsTheSpecsBound(uint key, int strict, int greaterOrEqual)
    {
        uint[] tokens = [10, 20, 30];
        Generated.Call<int>("Probes.SearchProbe", "Strict", tokens, key).ShouldBe(strict);
        Generated.Call<int>("Probes.SearchProbe", "GreaterOrEqual", tokens, key).ShouldBe(greaterOrEqual);
    }

    [Theory]
    [InlineData("Write", 0x001e0001u)] // healthy ACTIVE; extends on LEAVING, PENDING, JOINING, LEFT
    [InlineData("WriteNoExtend", 0x00000001u)]
    [InlineData("Read", 0x001c0007u)] // healthy ACTIVE, LEAVING, PENDING; extends on PENDING, JOINING, LEFT
    [InlineData("Reporting", 0x0000001fu)]
    public void RingOperations_AreTheDskitBitmasksOfTheSpecsStates(string operation, uint mask)
    {
        var operations = Generated.Type("Verified.Routing.LokiRouting+RingOperations");
        var value = operations.GetField(operation)!.GetValue(null)!;
        ((uint)value.GetType().GetProperty("Mask")!.GetValue(value)!).ShouldBe(mask);
    }
}
