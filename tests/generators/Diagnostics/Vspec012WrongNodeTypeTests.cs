using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>VSPEC012: a value of the wrong YAML shape (a scalar where a mapping or a sequence belongs).</summary>
public sealed class Vspec012WrongNodeTypeTests
{
    private const string PlacementBlock = """
        placement:
          kind: shard-formula
          formula: modulo
          default_routing_shards: shards
          errors:
            routing_missing: "routing is required for [{0}]/[{1}]"
            shards_positive: "shards must be >= 1, got [{0}]"
            routing_shards_factor: "[{0}] must be a factor of [{1}]"
            partition_size_range: "bad partition size [{0}] for [{1}] in [{2}]"

        """;

    [Fact]
    public void ScalarWhereAMappingBelongs_PointsAtTheScalar()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With(PlacementBlock, "placement: shard-formula\n")));

        var d = run.ShouldHaveSingle("VSPEC012");
        d.Message().ShouldBe("'placement' must be a mapping");
        d.ShouldPointAt(MiniSpec.Path, line: 11, column: 12);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void ScalarWhereASequenceBelongs_PointsAtTheScalar()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("key: [effective_routing]", "key: effective_routing")));

        var d = run.ShouldHaveSingle("VSPEC012");
        d.Message().ShouldBe("'partition.key' must be a sequence");
        d.ShouldPointAt(MiniSpec.Path, line: 7, column: 8);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void ScalarItemWhereATransitionMappingBelongs_PointsAtTheItem()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("    - { from: B, to: A }\n", "    - { from: B, to: A }\n    - B -> A\n")));

        var d = run.ShouldHaveSingle("VSPEC012");
        d.Message().ShouldBe("'lifecycle.transitions[]' must be a mapping with from and to");
        d.ShouldPointAt(MiniSpec.Path, line: 26, column: 7);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }
}
