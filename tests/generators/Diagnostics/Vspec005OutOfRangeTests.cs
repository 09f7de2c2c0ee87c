using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>VSPEC005: a number or name that is malformed or out of range, reported at the value.</summary>
public sealed class Vspec005OutOfRangeTests
{
    [Fact]
    public void VersionZero_PointsAtTheValue()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("version: 1", "version: 0")));

        var d = run.ShouldHaveSingle("VSPEC005");
        d.Message().ShouldBe("'0' is not valid for 'version': must be between 1 and 2147483647");
        d.ShouldPointAt(MiniSpec.Path, line: 2, column: 10);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void ReplicationFactorZero_InAVariant_PointsIntoTheVariant()
    {
        var variant = VariantSpec.Over("loki", "loki-rf0", "LokiRf0Routing", "placement:\n  replication_factor: 0");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC005");
        d.Message().ShouldBe("'0' is not valid for 'placement.replication_factor': must be between 1 and 64");
        d.ShouldPointAt(variant.Path, line: 6, column: 23);
        run.ShouldNotEmit("LokiRf0Routing");
        run.ShouldEmit("LokiRouting");
    }

    [Fact]
    public void SeedBeyond32Bits_ForMurmur3_PointsAtTheSeed()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("    encoding: utf16le\n", "    encoding: utf16le\n    seed: 4294967296\n")));

        var d = run.ShouldHaveSingle("VSPEC005");
        d.Message().ShouldBe("'4294967296' is not valid for 'partition.hash.seed': a 32-bit hash takes a 32-bit seed");
        d.ShouldPointAt(MiniSpec.Path, line: 11, column: 11);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }
}
