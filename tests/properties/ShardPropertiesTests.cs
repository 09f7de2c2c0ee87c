using FsCheck;
using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Placement;
using Verified.Reference.Elasticsearch;
using Verified.Routing;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>Elasticsearch routing: ES-PLACE-1..8.</summary>
public sealed class ShardPropertiesTests
{
    private static readonly PlacementTarget Target = PlacementTarget.Reference;
    private static readonly PlacementTarget ModuloVariant = PlacementTarget.Reference with { Elasticsearch = ElasticsearchModuloRouting.Instance };

    [VerifiedProperty]
    [Requirement("ES-PLACE-1")]
    public Property Hash_EqualsIndependentMurmur3OverUtf16CodeUnits() => ShardProperties.HashEqualsIndependentMurmur3OverUtf16(Target);

    [VerifiedProperty]
    [Requirement("ES-PLACE-2", "ES-PLACE-3", "ES-PLACE-6")]
    public Property DocumentShard_EqualsIndependentModelForBothFunctions() => ShardProperties.ShardOfEqualsIndependentModel(Target);

    [VerifiedProperty]
    [Requirement("ES-PLACE-3")]
    public Property Shard_IsInRangeForEveryHashAndLayout() => ShardProperties.ShardIsInRange(Target);

    [VerifiedProperty]
    [Requirement("ES-PLACE-3")]
    public Property DefaultFunction_IsLegacyAsTheModelSays() => ShardProperties.DefaultFormulaShardEqualsIndependentModel(Target);

    [VerifiedProperty]
    [Requirement("ES-PLACE-3")]
    public Property ModuloVariant_ShardIsFloorModOfHashByN() => ShardProperties.DefaultFormulaShardEqualsIndependentModel(ModuloVariant);

    [VerifiedProperty]
    [Requirement("ES-PLACE-8")]
    public Property LegacyAndModulo_AgreeWhenRoutingShardsEqualShards() => ShardProperties.LegacyAndModuloAgreeWhenRoutingShardsEqualShards(Target);

    [VerifiedProperty]
    [Requirement("ES-PLACE-5")]
    public Property LegacySplit_KeepsDocumentsInTheirSourceShardBlock() => ShardProperties.LegacySplitKeepsDocumentsInTheirSourceShardBlock(Target);

    [VerifiedProperty]
    [Requirement("ES-PLACE-6")]
    public Property PartitionedRouting_ReachesAtMostPartitionSizeShards() => ShardProperties.PartitionedRoutingReachesAtMostPartitionSizeShards(Target);

    [VerifiedProperty]
    [Requirement("ES-PLACE-7")]
    public Property PartitionedLegacyDefaultRouting_ReachesAtMostTwoShards_ES48863() => ShardProperties.PartitionedLegacyDefaultRoutingReachesAtMostTwoShards_ES48863(Target);

    [Fact]
    [Requirement("ES-PLACE-3")]
    public void Variants_DeclareTheirShardFunction()
    {
        ElasticsearchRouting.Instance.DefaultFormula.ShouldBe(ShardFormula.Legacy);
        ElasticsearchModuloRouting.Instance.DefaultFormula.ShouldBe(ShardFormula.Modulo);
    }

    [Theory]
    [Requirement("ES-PLACE-1")]
    [InlineData("", 0)]
    [InlineData("hello", -675079799)]
    [InlineData("1", -126235597)]
    public void Hash_OfAnchorValues(string value, int hash)
    {
        ElasticsearchRouting.Hash(value).ShouldBe(hash);
    }

    [Fact]
    [Requirement("ES-PLACE-1")]
    public void Hash_OfALoneSurrogate_HashesTheRawCodeUnit()
    {
        // Not an InlineData: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
        // ELASTICSEARCH.md §1.1 (derived): 23418209; Encoding.Unicode would give -1812156767.
        ElasticsearchRouting.Hash("\uD800").ShouldBe(23418209);
        IndependentModel.Murmur3Utf16("\uD800").ShouldBe(23418209);
    }

    [Fact]
    [Requirement("ES-PLACE-3", "ES-PLACE-4")]
    public void RoutingOneWithThreeShards_GoesToShardTwo()
    {
        // ELASTICSEARCH.md §1.1: FloorMod(-126235597, 768) = 563, 563 / 256 = 2; (uint)h % 768 = 51 would give shard 0.
        IndexRouting.Create(ElasticsearchRouting.Instance, 3).ShardId("any", "1").ShouldBe(2);
    }

    [Theory]
    [Requirement("ES-PLACE-3")]
    [InlineData("a")]
    [InlineData("1")]
    [InlineData("\uDC00")]
    public void OneShard_TakesEveryDocument(string value)
    {
        IndexRouting.Create(ElasticsearchRouting.Instance, 1).ShardId(value, null).ShouldBe(0);
        IndexRouting.Create(ElasticsearchRouting.Instance, 1, formula: ShardFormula.Modulo).ShardId("x", value).ShouldBe(0);
    }

    [Theory]
    [Requirement("ES-PLACE-4")]
    [InlineData(1, 1024)]
    [InlineData(2, 1024)]
    [InlineData(3, 768)]
    [InlineData(5, 640)]
    [InlineData(6, 768)]
    [InlineData(8, 1024)]
    [InlineData(12, 768)]
    [InlineData(30, 960)]
    [InlineData(100, 800)]
    [InlineData(512, 1024)]
    [InlineData(513, 1026)]
    [InlineData(1024, 2048)]
    public void DefaultRoutingShards_FollowTheRestCreationFormula(int shards, int routingShards)
    {
        ElasticsearchRouting.DefaultRoutingShards(shards).ShouldBe(routingShards);
        IndependentModel.DefaultRoutingShards(shards).ShouldBe(routingShards);
    }

    [Fact]
    [Requirement("ES-PLACE-6")]
    public void PartitionSizeNotBelowRoutingShards_IsRejectedWithElasticsearchText()
    {
        Should.Throw<ArgumentException>(() => IndexRouting.Create(ElasticsearchRouting.Instance, 4, 4, 4, index: "idx")).Message
            .ShouldStartWith("routing partition size [4] should be a positive number less than the number of routing shards [4] for [idx]");
    }

    [Fact]
    [Requirement("ES-PLACE-7")]
    public void TwelveShardsPartitionEight_StaysOnAtMostTwoShardsUnderLegacyDefault_ES48863()
    {
        var legacy = IndexRouting.Create(ElasticsearchRouting.Instance, 12, partitionSize: 8);
        var modulo = IndexRouting.Create(ElasticsearchRouting.Instance, 12, partitionSize: 8, formula: ShardFormula.Modulo);
        foreach (var routing in new[] { "a", "b", "user-1", "user-2" })
        {
            legacy.SearchShards(routing).Count.ShouldBeLessThanOrEqualTo(2);
            modulo.SearchShards(routing).Count.ShouldBe(8);
        }
    }
}
