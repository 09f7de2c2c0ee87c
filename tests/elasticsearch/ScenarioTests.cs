using Shouldly;
using Verified.Conformance.Elasticsearch;
using Xunit;
using Xunit.Abstractions;

namespace Verified.Elasticsearch.Tests;

/// <summary>Hand-picked histories (ES-REPL-1, ES-REPL-8).</summary>
public sealed class ScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public void QuietWrites_AreAckedAndConverge()
    {
        var run = EsHarness.Run([new EsStep.Index(0, 1), new EsStep.Index(1, 2), new EsStep.Advance(50), new EsStep.Delete(0), new EsStep.Advance(50)], 7);
        output.WriteLine(run.ToString());
        run.Violations.ShouldBeEmpty();
        run.Writes.ShouldAllBe(w => w.Acked != null);
    }
}
