using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Shouldly;
using Verified.Reference.Elasticsearch.Search;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Search.Tests;

/// <summary>
/// ES-SEARCH properties against the model (<see cref="Model"/>, <see cref="World"/>): over generated write histories,
/// queries, sorts and windows, on 1 and on N shards, with and without failed shards.
/// ES-SEARCH-1 completeness: every document the model says matches is found (size large enough), no other; the
/// total equals the model's count. ES-SEARCH-2 order: field and _doc sorts equal the model's order (sort value, then
/// shard index, then doc id); score sorts are non-increasing with ties by shard index then doc id.
/// ES-SEARCH-3 windows: from/size equals slicing the full order. ES-SEARCH-4 partial results: <c>_shards.failed</c>
/// counts the failed shards and their documents are absent; all failed ⇒ <c>all shards failed</c>.
/// Each property runs against its seeded bug and must find a counterexample (the printed case replays it).
/// </summary>
public sealed class SearchProperties
{
    private static readonly int MaxTest = TestBudget.MaxTestOr(150);

    [Fact]
    public void OneShard_FindsExactlyTheModelsMatches_InMergeOrder_AndWindowsAreSlices() =>
        Run(Generators.Case(1, 1), SearchFaults.None, MaxTest);

    [Fact]
    public void ManyShards_FindExactlyTheModelsMatches_InMergeOrder_AndWindowsAreSlices() =>
        Run(Generators.Case(2, 4), SearchFaults.None, MaxTest);

    [Fact]
    public void FailedShards_AreCountedAndTheirDocumentsAbsent() =>
        Run(Generators.Case(1, 4, failures: true), SearchFaults.None, MaxTest);

    [Theory]
    [InlineData(nameof(SearchFaults.MustNotIgnored), false)]
    [InlineData(nameof(SearchFaults.RangeBoundsAlwaysInclusive), false)]
    [InlineData(nameof(SearchFaults.MergeIgnoresShardIndexOnTies), false)]
    [InlineData(nameof(SearchFaults.ShouldAlwaysRequired), false)]
    [InlineData(nameof(SearchFaults.FromAppliedPerShard), false)]
    [InlineData(nameof(SearchFaults.FailedShardsCountedAsSuccessful), true)]
    public void Properties_CatchSeededBug(string fault, bool failures)
    {
        var failure = Should.Throw<Exception>(() => Run(Generators.Case(2, 4, failures), Enum.Parse<SearchFaults>(fault), 2000, replay: true));
        failure.Message.ShouldContain("Falsifiable");
    }

    private static void Run(Gen<SearchCase> cases, SearchFaults faults, int maxTest, bool replay = false)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true);
        if (replay)
        {
            config = config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20260514UL, 1442695040888963407UL), FSharpOption<int>.None)));
        }

        Check.One(config, Prop.ForAll(cases.ToArbitrary(), c => Holds(c, faults)));
    }

    /// <summary>Asserts every law for one case; throws (with the case printed by FsCheck) when one fails.</summary>
    internal static void Holds(SearchCase c, SearchFaults faults)
    {
        var world = World.Build(c.Shards, c.History);
        var coordinator = new SearchCoordinator { Faults = faults };
        var targets = world.Targets(c.FailedShards);
        var full = coordinator.Search(SearchRequest.Parse(c.Body(0, 10_000)), targets);
        var failedCount = c.FailedShards.Count(f => f);

        var unmappedSort = c.SortField is not ("_score" or "_doc") && world.Shards[0].Mapping.TypeOf(c.SortField) is null;
        if (unmappedSort && failedCount < c.Shards)
        {
            // ES: sorting on a field no document ever had fails every shard (no unmapped_type given).
            full.Error.ShouldNotBeNull();
            full.Error.Reason.ShouldBe("all shards failed");
            full.Error.Status.ShouldBe(failedCount == 0 ? 400 : 503);
            full.Error.Failures.ShouldContain(f => f.Reason.Reason == $"No mapping found for [{c.SortField}] in order to sort on");
            return;
        }

        if (failedCount == c.Shards)
        {
            full.Error.ShouldNotBeNull();
            full.Error.Reason.ShouldBe("all shards failed");
            full.Error.Failures.Count.ShouldBe(c.Shards);
            return;
        }

        var response = full.Response.ShouldNotBeNull();
        response.TotalShards.ShouldBe(c.Shards);
        response.FailedShards.ShouldBe(failedCount);
        response.Successful.ShouldBe(c.Shards - failedCount);

        var expected = world.Expected(c.Query, c.SortField, c.Descending, c.FailedShards);
        var got = response.Hits.Select(h => (h.ShardIndex, h.DocId, h.Id)).ToList();
        got.Select(h => h.Id).Order(StringComparer.Ordinal).ShouldBe(expected.Select(h => h.Id).Order(StringComparer.Ordinal), "completeness");
        response.TotalHits.ShouldBe(expected.Count);

        if (c.SortField == "_score")
        {
            for (var i = 1; i < response.Hits.Count; i++)
            {
                var (a, b) = (response.Hits[i - 1], response.Hits[i]);
                var inOrder = a.Score > b.Score || (a.Score == b.Score && (a.ShardIndex < b.ShardIndex || (a.ShardIndex == b.ShardIndex && a.DocId < b.DocId)));
                inOrder.ShouldBeTrue($"hit {i - 1} ({a.Score}, shard {a.ShardIndex}, doc {a.DocId}) before hit {i} ({b.Score}, shard {b.ShardIndex}, doc {b.DocId})");
            }
        }
        else
        {
            got.ShouldBe(expected, "merge order");
        }

        var window = coordinator.Search(SearchRequest.Parse(c.Body(c.From, c.Size)), targets).Response.ShouldNotBeNull();
        window.Hits.Select(h => (h.ShardIndex, h.DocId)).ShouldBe(got.Skip(c.From).Take(c.Size).Select(h => (h.ShardIndex, h.DocId)), "window");
        window.TotalHits.ShouldBe(expected.Count);
    }
}
