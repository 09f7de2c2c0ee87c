using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>VSPEC003: a key the vocabulary does not have — usually a typo — is reported at the key itself.</summary>
public sealed class Vspec003UnknownKeyTests
{
    [Fact]
    public void TypoInANestedKey_PointsAtTheTypo_AndTheRealKeyIsMissing()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("  formula: modulo", "  formla: modulo")));

        var d = run.ShouldHaveSingle("VSPEC003");
        d.Message().ShouldBe("Unknown key 'formla' in 'placement'; expected one of: kind, formula, modulo, default_routing_shards, routing_partition, errors");
        d.ShouldPointAt(MiniSpec.Path, line: 13, column: 3);
        d.SpanText(MiniSpec.With("  formula: modulo", "  formla: modulo")).ShouldBe("formla");
        run.ShouldHaveSingle("VSPEC002").Message().ShouldBe("Spec key 'formula' is required in 'placement'");
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void TypoInAVariantKey_PointsIntoTheVariantFile()
    {
        var variant = VariantSpec.Over("loki", "loki-typo", "LokiTypoRouting", "placement:\n  replicaton_factor: 5");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC003");
        d.Message().ShouldStartWith("Unknown key 'replicaton_factor' in 'placement'; expected one of: kind, tokens_per_instance, replication_factor,");
        d.ShouldPointAt(variant.Path, line: 6, column: 3);
        run.Diagnostics.Length.ShouldBe(1); // the base still supplies replication_factor
        run.ShouldNotEmit("LokiTypoRouting");
        run.ShouldEmit("LokiRouting");
    }

    /// <summary>
    /// BUG (see the report): at the top level the path is empty and the message reads "in ''";
    /// VSPEC002 says "(top level)" for the same place.
    /// </summary>
    [Fact]
    public void TypoInATopLevelKey_NamesTheTopLevel()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("class: MiniRouting\n", "class: MiniRouting\nnamespce: My.Routing\n")));

        var d = run.ShouldHaveSingle("VSPEC003");
        d.ShouldPointAt(MiniSpec.Path, line: 6, column: 1);
        d.Message().ShouldBe("Unknown key 'namespce' in '(top level)'; expected one of: spec, version, system, title, class, namespace, base, role, partition, placement, read, lifecycle, lifecycles, requirements");
        run.ShouldNotEmit(MiniSpec.ClassName);
    }

    [Fact]
    public void TypoInTheReadSection_ListsTheReadKeys()
    {
        var variant = VariantSpec.Over("loki", "loki-read-typo", "LokiReadTypoRouting", "read:\n  split_queries_by_intervall: 30m");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC003");
        d.Message().ShouldBe("Unknown key 'split_queries_by_intervall' in 'read'; expected one of: query_ingesters_within, query_store_max_look_back_period, split_queries_by_interval, max_entries_limit_per_query, max_query_length, max_outstanding_per_tenant, querier_max_concurrent, window_gap, split_merge");
        d.ShouldPointAt(variant.Path, line: 6, column: 3);
        run.ShouldNotEmit("LokiReadTypoRouting");
        run.ShouldEmit("LokiRouting");
    }
}
