using Shouldly;
using Verified.Conformance.Elasticsearch;
using Verified.Reference.Elasticsearch.Replication;
using Xunit;
using Xunit.Abstractions;

namespace Verified.Elasticsearch.Tests;

/// <summary>Pinned histories that show a seeded bug.</summary>
public sealed class SeededBugScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public void IsolatedPrimaryAfterReplicaMissedAWrite_LeavesAnOpOnlyTrimRemoves()
    {
        EsStep[] steps = [new EsStep.Index(0, 0), new EsStep.Advance(50), new EsStep.DropNext(0, 1), new EsStep.DropNext(0, 3), new EsStep.Index(3, 3), new EsStep.Advance(30), new EsStep.Disconnect(0), new EsStep.Advance(200)];
        var run = EsHarness.Run(steps, 1, ReplicationFaults.NoTrimAfterPromotion);
        output.WriteLine(run.ToString());
        run.Violations.ShouldContain(v => v.StartsWith(EsInvariants.Convergence, StringComparison.Ordinal));
    }
}
