using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Routing;

/// <summary>
/// The read section of a token-ring spec, compiled and loaded: LokiRouting carries Loki's read-path defaults with
/// Verified's closed window gap and deduplicating split merge; spec/variants/loki-compat-read.yaml switches both to
/// Loki's behaviour and inherits everything else; durations are exact TimeSpans in Go syntax.
/// </summary>
public sealed class ReadPathTests
{
    private static readonly Lazy<GeneratedAssembly> _assembly = new(() =>
    {
        var run = GeneratorHarness.Run(
            SpecTexts.File(SpecTexts.LokiPath),
            SpecTexts.File(SpecTexts.ElasticsearchPath),
            SpecTexts.File(SpecTexts.LokiRf5ZonesPath),
            SpecTexts.File(SpecTexts.LokiCompatReadPath),
            new InMemoryAdditionalText("spec/loki-no-read.yaml", WithoutReadSection()));
        run.Diagnostics.ShouldBeEmpty(DiagnosticExtensions.Describe(run));
        return GeneratedAssembly.LoadAsConsumer(run);
    });

    private static GeneratedAssembly Generated => _assembly.Value;

    [Fact]
    public void LokiRouting_ReadPath_HasLokisDefaults_AndClosesBothGaps()
    {
        var read = Generated.Get("LokiRouting", "ReadPath").ShouldNotBeNull();

        Property<TimeSpan>(read, "QueryIngestersWithin").ShouldBe(TimeSpan.FromHours(3));
        Property<TimeSpan>(read, "QueryStoreMaxLookBackPeriod").ShouldBe(TimeSpan.Zero);
        Property<TimeSpan>(read, "SplitQueriesByInterval").ShouldBe(TimeSpan.FromHours(1));
        Property<int>(read, "MaxEntriesLimitPerQuery").ShouldBe(5000);
        Property<TimeSpan>(read, "MaxQueryLength").ShouldBe(TimeSpan.FromHours(721));
        Property<int>(read, "MaxOutstandingPerTenant").ShouldBe(32000);
        Property<int>(read, "QuerierMaxConcurrent").ShouldBe(4);
        Property<object>(read, "WindowGap").ToString().ShouldBe("Closed");
        Property<object>(read, "SplitMerge").ToString().ShouldBe("Deduplicating");
    }

    [Fact]
    public void LokiCompatReadVariant_HasLokiCompatibleModes_AndInheritsEveryDuration()
    {
        var compat = Generated.Get("LokiCompatReadRouting", "ReadPath").ShouldNotBeNull();
        var loki = Generated.Get("LokiRouting", "ReadPath")!;

        Property<object>(compat, "WindowGap").ToString().ShouldBe("LokiCompatible");
        Property<object>(compat, "SplitMerge").ToString().ShouldBe("LokiCompatible");
        foreach (var name in new[] { "QueryIngestersWithin", "QueryStoreMaxLookBackPeriod", "SplitQueriesByInterval", "MaxEntriesLimitPerQuery", "MaxQueryLength", "MaxOutstandingPerTenant", "QuerierMaxConcurrent" })
        {
            Property<object>(compat, name).ShouldBe(Property<object>(loki, name), name);
        }

        Generated.Get<string>("LokiCompatReadRouting", "Role").ShouldBe("variant");
        Generated.Get<int>("LokiCompatReadRouting", "ReplicationFactor").ShouldBe(3); // placement inherited too
    }

    [Fact]
    public void OtherLokiVariant_InheritsTheBasesReadPath_AsAnEqualRecord()
    {
        // Generated records compare by value: the variant's options equal the base's.
        Generated.Get("LokiRf5ZonesRouting", "ReadPath").ShouldBe(Generated.Get("LokiRouting", "ReadPath"));
        Generated.Get("LokiCompatReadRouting", "ReadPath").ShouldNotBe(Generated.Get("LokiRouting", "ReadPath"));
    }

    [Fact]
    public void TokenRingSpecWithoutReadSection_HasNullReadPath()
    {
        Generated.Get("LokiNoReadRouting", "ReadPath").ShouldBeNull();
        Generated.Get("LokiNoReadRouting", "ReadPathSettings").ShouldBeNull();
    }

    [Fact]
    public void ReadPath_IsPartOfTheTokenRingInterface_NotTheShardFormulaOne()
    {
        var tokenRing = Generated.Type("Verified.Routing.ITokenRingSpec");
        tokenRing.GetProperty("ReadPath").ShouldNotBeNull().PropertyType.ShouldBe(Generated.Type("Verified.Routing.ReadPathOptions"));
        Generated.Type("Verified.Routing.IShardFormulaSpec").GetProperty("ReadPath").ShouldBeNull();
        Generated.Type("Verified.Routing.ElasticsearchRouting").GetProperty("ReadPath").ShouldBeNull();
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("0s", 0L)]
    [InlineData("90m", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("1h30m", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("2h45m30s", (2 * 3600 + 45 * 60 + 30) * TimeSpan.TicksPerSecond)]
    [InlineData("1.5s", 15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("500ms", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("250us", 250 * 10L)]
    [InlineData("1ms100ns", TimeSpan.TicksPerMillisecond + 1)]
    [InlineData("721h", 721 * TimeSpan.TicksPerHour)]
    public void GoDurationSyntax_BecomesTheExactTimeSpan(string text, long ticks)
    {
        var variant = VariantSpec.Over("loki", "loki-split", "LokiSplitRouting", $"read:\n  split_queries_by_interval: {text}");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);
        run.Diagnostics.ShouldBeEmpty(DiagnosticExtensions.Describe(run));

        var read = GeneratedAssembly.LoadAsConsumer(run).Get("LokiSplitRouting", "ReadPath")!;

        Property<TimeSpan>(read, "SplitQueriesByInterval").ShouldBe(TimeSpan.FromTicks(ticks));
        run.Source("Verified.Routing.LokiSplitRouting.g.cs").Text.ShouldContain($"/* {text} */");
    }

    [Fact]
    public void LookBackWithLokiCompatibleGap_IsAccepted()
    {
        // Loki's own routing for L != 0 (querier_interval_vectors.json) stays expressible when the gap is Loki's.
        var variant = VariantSpec.Over("loki", "loki-lookback", "LokiLookBackRouting", "read:\n  query_store_max_look_back_period: 1h\n  window_gap: loki-compatible");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        run.Diagnostics.ShouldBeEmpty(DiagnosticExtensions.Describe(run));
        var read = GeneratedAssembly.LoadAsConsumer(run).Get("LokiLookBackRouting", "ReadPath")!;
        Property<TimeSpan>(read, "QueryStoreMaxLookBackPeriod").ShouldBe(TimeSpan.FromHours(1));
    }

    private static T Property<T>(object record, string name) =>
        (T)record.GetType().GetProperty(name).ShouldNotBeNull($"no property {name}").GetValue(record)!;

    /// <summary>spec/loki.yaml as another base spec without its read section (and with its own id and class).</summary>
    private static string WithoutReadSection()
    {
        var text = SpecTexts.Loki;
        var start = text.IndexOf("\nread:\n", StringComparison.Ordinal);
        var end = text.IndexOf("\nlifecycle:\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        text = string.Concat(text.AsSpan(0, start + 1), text.AsSpan(end + 1));
        text = MiniSpec.Replace(text, "spec: loki\n", "spec: loki-no-read\n");
        text = MiniSpec.Replace(text, "class: LokiRouting\n", "class: LokiNoReadRouting\n");

        // A second base spec may not redeclare the base's requirement IDs: keep none.
        return text[..text.IndexOf("\nrequirements:\n", StringComparison.Ordinal)] + "\n";
    }
}
