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

    private const string ValidDuration = "a duration is a non-negative Go time.Duration: numbers with units ns, us, ms, s, m, h (e.g. 3h, 1h30m, 500ms, 0s, or 0)";

    [Theory]
    [InlineData("3", ValidDuration)]
    [InlineData("3 hours", ValidDuration)]
    [InlineData("3d", ValidDuration)]
    [InlineData("h", ValidDuration)]
    [InlineData("1.h5", ValidDuration)]
    [InlineData("+3h", ValidDuration)]
    [InlineData("-1h", "must not be negative; " + ValidDuration)]
    [InlineData("-1", "must not be negative; " + ValidDuration)]
    [InlineData("150ns", "is finer than 100 ns, which a TimeSpan cannot hold")]
    [InlineData("99999999999999h", "is beyond the range of a TimeSpan")]
    public void BadReadPathDuration_PointsAtTheValue_AndSaysWhatADurationIs(string text, string reason)
    {
        var variant = VariantSpec.Over("loki", "loki-dur", "LokiDurRouting", $"read:\n  query_ingesters_within: \"{text}\"");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC005");
        d.Message().ShouldBe($"'{text}' is not valid for 'read.query_ingesters_within': {reason}");
        d.ShouldPointAt(variant.Path, line: 6, column: 27);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit("LokiDurRouting");
        run.ShouldEmit("LokiRouting");
    }

    [Theory]
    [InlineData("max_entries_limit_per_query", "0")]
    [InlineData("max_outstanding_per_tenant", "-5")]
    [InlineData("querier_max_concurrent", "0")]
    public void NonPositiveReadPathLimit_PointsAtTheValue(string key, string value)
    {
        var variant = VariantSpec.Over("loki", "loki-limit", "LokiLimitRouting", $"read:\n  {key}: {value}");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC005");
        d.Message().ShouldBe($"'{value}' is not valid for 'read.{key}': must be between 1 and 2147483647");
        d.ShouldPointAt(variant.Path, line: 6, column: key.Length + 5);
        run.ShouldNotEmit("LokiLimitRouting");
    }

    [Fact]
    public void ReadSectionOnAShardFormulaSpec_PointsAtTheReadKey()
    {
        var variant = VariantSpec.Over("elasticsearch", "es-read", "EsReadRouting", "read:\n  window_gap: closed");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.ElasticsearchPath), variant);

        var d = run.ShouldHaveSingle("VSPEC005");
        d.Message().ShouldBe("'read' is not valid for '(top level)': only a token-ring (Loki) spec has a read path");
        d.ShouldPointAt(variant.Path, line: 5, column: 1);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit("EsReadRouting");
        run.ShouldEmit("ElasticsearchRouting");
    }
}
