using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Conformance.Elasticsearch;
using Verified.Reference.Elasticsearch.Search;
using Verified.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace Verified.Elasticsearch.Tests;

/// <summary>Search through the cluster against the independent model over generated histories (ES-SEARCH-1..4), and the seeded bugs that break it.</summary>
public sealed class SearchPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Reference_ViolatesNoSearchRequirement_OverGeneratedHistories()
    {
        Prop.ForAll(EsSearchProperties.Histories, Arb.From(Gen.Choose(0, int.MaxValue)), (steps, seed) =>
        {
            var run = EsSearchHarness.Run(steps, seed);
            return run.Violations.Count == 0 ? true.Label("ok") : false.Label(run.ToString());
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(TestBudget.MaxTestOr(40)));
    }

    [Fact]
    public void QuietHistory_HasNoViolation()
    {
        var run = EsSearchHarness.Run([new EsStep.Index(0, 1), new EsStep.Index(1, 2), new EsStep.Index(2, 2), new EsStep.Advance(50), new EsStep.Delete(0), new EsStep.Search(2, 0, 5), new EsStep.Advance(50)], 3);
        output.WriteLine(run.ToString());
        run.Violations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(SearchFaults.ReplicaApplySkipsSearchIndex, EsSearchProperties.Completeness)]
    [InlineData(SearchFaults.FailedShardsCountedAsSuccessful, EsSearchProperties.ShardFailures)]
    [InlineData(SearchFaults.MergeIgnoresShardIndexOnTies, EsSearchProperties.Order)]
    [InlineData(SearchFaults.FromAppliedPerShard, EsSearchProperties.Window)]
    [InlineData(SearchFaults.MustNotIgnored, EsSearchProperties.NoPhantom)]
    internal void SeededBug_IsCaught(SearchFaults fault, string requirement)
    {
        var error = Should.Throw<Exception>(() => EsSearchProperties.Holds(requirement, fault).Check(Config.QuickThrowOnFailure.WithMaxTest(TestBudget.MaxTestOr(100))));
        error.Message.ShouldContain(requirement + ":", Case.Sensitive, error.Message);
    }
}
