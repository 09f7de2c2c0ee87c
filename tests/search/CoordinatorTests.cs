using Shouldly;
using Verified.Reference.Elasticsearch.Search;
using Xunit;

namespace Verified.Search.Tests;

/// <summary>query_then_fetch on the coordinator: response shape, partial results, errors, copy selection (ELASTICSEARCH.md §5, §6).</summary>
public sealed class CoordinatorTests
{
    private static ShardIndex Shard(params (string Id, string Source)[] docs)
    {
        var shard = new ShardIndex();
        var seq = 0;
        foreach (var (id, source) in docs)
        {
            shard.Upsert(id, source, seq++);
        }

        return shard;
    }

    private static SearchShard Target(int shardId, ShardIndex? store) =>
        new("i", shardId, store is null ? [] : [SearchCopy.Available("n" + shardId, store)]);

    [Fact]
    public void Response_HasEsShape()
    {
        var result = new SearchCoordinator().Search(
            SearchRequest.Parse("{\"sort\":[{\"n\":\"desc\"}]}"),
            [Target(0, Shard(("1", "{\"n\":1}"))), Target(1, Shard(("2", "{\"n\":2}")))],
            tookMillis: 5);
        result.Status.ShouldBe(200);
        result.ToJson().ShouldBe(
            "{\"took\":5,\"timed_out\":false,\"_shards\":{\"total\":2,\"successful\":2,\"skipped\":0,\"failed\":0},"
            + "\"hits\":{\"total\":{\"value\":2,\"relation\":\"eq\"},\"max_score\":null,\"hits\":["
            + "{\"_index\":\"i\",\"_id\":\"2\",\"_score\":null,\"_source\":{\"n\":2},\"sort\":[2]},"
            + "{\"_index\":\"i\",\"_id\":\"1\",\"_score\":null,\"_source\":{\"n\":1},\"sort\":[1]}]}}");
    }

    [Fact]
    public void ScoreSort_TiesGoToLowerShardIndexThenDocId()
    {
        var result = new SearchCoordinator().Search(
            SearchRequest.MatchAll,
            [Target(1, Shard(("b1", "{}"), ("b2", "{}"))), Target(0, Shard(("a1", "{}"), ("a2", "{}")))]);
        var response = result.Response.ShouldNotBeNull();
        response.Hits.Select(h => h.Id).ShouldBe(["a1", "a2", "b1", "b2"]);
        response.MaxScore.ShouldBe(1f);
    }

    [Fact]
    public void ShardWithoutCopies_GivesPartial200_WithGroupedFailure()
    {
        // Same index, cause type and message: ES groups the two failures into one entry (failed still counts 2).
        var result = new SearchCoordinator().Search(SearchRequest.MatchAll, [Target(0, Shard(("1", "{}"))), Target(1, null), Target(2, null)]);
        result.Status.ShouldBe(200);
        var response = result.Response.ShouldNotBeNull();
        response.FailedShards.ShouldBe(2);
        response.Successful.ShouldBe(1);
        response.Hits.Select(h => h.Id).ShouldBe(["1"]);
        result.ToJson().ShouldContain(
            "\"_shards\":{\"total\":3,\"successful\":1,\"skipped\":0,\"failed\":2,\"failures\":["
            + "{\"shard\":1,\"index\":\"i\",\"node\":null,\"reason\":{\"type\":\"no_shard_available_action_exception\",\"reason\":null,\"shard\":\"1\",\"index\":\"i\"}}]}");
    }

    [Fact]
    public void NoPartialResults_MissingShard_IsRejectedUpFront()
    {
        var request = SearchRequest.MatchAll with { AllowPartialSearchResults = false };
        var result = new SearchCoordinator().Search(request, [Target(0, Shard()), Target(1, null)]);
        result.Status.ShouldBe(503);
        result.Error!.Reason.ShouldBe("Search rejected due to missing shards [[i][1]]. Consider using `allow_partial_search_results` setting to bypass this error.");
    }

    [Fact]
    public void NoPartialResults_FailedCopy_IsPartialShardsFailure()
    {
        var request = SearchRequest.MatchAll with { AllowPartialSearchResults = false };
        var failed = new SearchShard("i", 1, [SearchCopy.Failed("n1", new ElasticsearchError("node_not_connected_exception", "[n1] Node not connected", 500))]);
        var result = new SearchCoordinator().Search(request, [Target(0, Shard()), failed]);
        result.Status.ShouldBe(500);
        result.Error!.Reason.ShouldBe("Partial shards failure");
    }

    [Fact]
    public void ResultWindowTooLarge_FailsAllShards_Status400_Grouped()
    {
        var result = new SearchCoordinator().Search(SearchRequest.Parse("{\"from\":10000,\"size\":10}"), [Target(0, Shard()), Target(1, Shard())]);
        result.Status.ShouldBe(400);
        var json = result.ToJson();
        const string Reason = "Result window is too large, from + size must be less than or equal to: [10000] but was [10010]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.";
        json.ShouldBe(
            "{\"error\":{\"root_cause\":[{\"type\":\"illegal_argument_exception\",\"reason\":\"" + Reason + "\"}],"
            + "\"type\":\"search_phase_execution_exception\",\"reason\":\"all shards failed\",\"phase\":\"query\",\"grouped\":true,"
            + "\"failed_shards\":[{\"shard\":0,\"index\":\"i\",\"node\":\"n0\",\"reason\":{\"type\":\"illegal_argument_exception\",\"reason\":\"" + Reason + "\"}}],"
            + "\"caused_by\":{\"type\":\"illegal_argument_exception\",\"reason\":\"" + Reason + "\"}},\"status\":400}");
        result.Error!.Failures.Count.ShouldBe(2);
    }

    [Fact]
    public void RoundRobin_RotatesCopies_AndFailsOver()
    {
        var good = Shard(("1", "{}"));
        var copies = new[] { SearchCopy.Failed("down", new ElasticsearchError("node_not_connected_exception", "[down] Node not connected", 500)), SearchCopy.Available("up", good) };
        var selector = new RoundRobinCopySelector();
        selector.Select(0, copies).NodeId.ShouldBe("down");
        selector.Select(0, copies).NodeId.ShouldBe("up");
        selector.Select(1, copies).NodeId.ShouldBe("down");

        var coordinator = new SearchCoordinator();
        for (var i = 0; i < 3; i++)
        {
            var response = coordinator.Search(SearchRequest.MatchAll, [new SearchShard("i", 0, copies)]).Response.ShouldNotBeNull();
            response.FailedShards.ShouldBe(0);
            response.Hits.ShouldHaveSingleItem().Id.ShouldBe("1");
        }
    }

    [Fact]
    public void TrackTotalHits_CapsAtThreshold_WithGte()
    {
        var shard = Shard(("1", "{}"), ("2", "{}"), ("3", "{}"));
        SearchResponse Run(string body) => new SearchCoordinator().Search(SearchRequest.Parse(body), [Target(0, shard)]).Response!;
        Run("{\"track_total_hits\":2}").ShouldSatisfyAllConditions(r => r.TotalHits.ShouldBe(2), r => r.TotalHitsRelation.ShouldBe("gte"));
        Run("{\"track_total_hits\":3}").ShouldSatisfyAllConditions(r => r.TotalHits.ShouldBe(3), r => r.TotalHitsRelation.ShouldBe("eq"));
        Run("{\"track_total_hits\":false}").ToJson().ShouldContain("\"hits\":{\"max_score\":1,");
    }

    [Fact]
    public void SortOnTextField_FailsWithFielddataError()
    {
        var result = new SearchCoordinator().Search(SearchRequest.Parse("{\"sort\":[\"t\"]}"), [Target(0, Shard(("1", "{\"t\":\"x\"}")))]);
        result.Error!.Failures.ShouldHaveSingleItem().Reason.Reason!.ShouldStartWith("Fielddata is disabled on [t] in [i]. Text fields are not optimised");
    }

    [Fact]
    public void MissingValues_SortLast_InBothDirections_WithEsSentinels()
    {
        var shard = Shard(("none", "{\"n\":null}"), ("one", "{\"n\":1}"), ("two", "{\"n\":2}"));
        SearchResponse Run(string order) => new SearchCoordinator().Search(SearchRequest.Parse($"{{\"sort\":[{{\"n\":\"{order}\"}}]}}"), [Target(0, shard)]).Response!;
        Run("asc").Hits.Select(h => h.Id).ShouldBe(["one", "two", "none"]);
        Run("desc").Hits.Select(h => h.Id).ShouldBe(["two", "one", "none"]);
        Run("desc").ToJson().ShouldContain("\"sort\":[-9223372036854775808]");
    }

    [Fact]
    public void FetchFailure_DropsTheHit()
    {
        var outcome = ShardOutcome.Success(ShardSearch.Query(Shard(("1", "{}"), ("2", "{}")), SearchRequest.MatchAll));
        var response = SearchMerge.Merge(SearchRequest.MatchAll, [outcome], fetch: hit => hit.Document.Id == "1" ? null : hit.Document.SourceJson).Response!;
        response.Hits.Select(h => h.Id).ShouldBe(["2"]);
        response.TotalHits.ShouldBe(2);
    }

    [Fact]
    public void SortOnNeverMappedField_FailsEveryShard()
    {
        // Found by ManyShards_… (seed (848352143318843294,16470795812956226549)): an empty index sorted by [nums]
        // is an error in Elasticsearch, not an empty page; the model was taught it, this pins it.
        var result = new SearchCoordinator().Search(SearchRequest.Parse("{\"sort\":[{\"nums\":\"desc\"}]}"), [Target(0, Shard()), Target(1, Shard())]);
        result.Status.ShouldBe(400);
        result.Error!.Reason.ShouldBe("all shards failed");
        result.Error.Failures.Select(f => f.Reason.Type).Distinct().ShouldBe(["query_shard_exception"]);
    }
}
