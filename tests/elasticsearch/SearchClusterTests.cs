using System.Text.Json;
using Shouldly;
using Verified.Reference.Elasticsearch.Cluster;
using Xunit;

namespace Verified.Elasticsearch.Tests;

/// <summary>Search through the simulated cluster: every copy's search index, copy failover, <c>_shards</c>, mapping conflicts refused before a seq_no (ES-SEARCH-1..4).</summary>
public sealed class SearchClusterTests
{
    [Fact]
    public async Task EveryCopy_FindsWhatWasIndexed_AndNotWhatWasDeleted()
    {
        var (cluster, clock) = await TestCluster.StartAsync(dataNodes: 3, shards: 2, replicas: 2);
        for (var i = 0; i < 6; i++)
        {
            (await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", $"d{i}", $"{{\"v\":{i}}}"))).Acknowledged.ShouldBeTrue();
        }

        (await TestCluster.RunAsync(clock, cluster.Coordinator.DeleteAsync("i", "d3"))).Acknowledged.ShouldBeTrue();
        foreach (var node in cluster.NodeNames)
        {
            foreach (var copy in cluster.Node(node)!.Copies.Values)
            {
                copy.Search.Documents.Select(d => d.Id).Order().ShouldBe(copy.Documents().Keys.Order(), $"{node} {copy.Shard}");
            }
        }

        // Three searches: round-robin sends each to another copy of each shard; all agree.
        for (var round = 0; round < 3; round++)
        {
            var outcome = await TestCluster.RunAsync(clock, cluster.SearchAsync("i", """{"size":20,"sort":[{"v":"asc"}]}"""));
            outcome.Status.ShouldBe(200, outcome.ToJson());
            outcome.Response!.FailedShards.ShouldBe(0);
            outcome.Response.Hits.Select(h => h.Id).ShouldBe(["d0", "d1", "d2", "d4", "d5"]);
            outcome.Response.TotalHits.ShouldBe(5);
        }
    }

    [Fact]
    public async Task RangeQuery_WithFromAndSize_PagesTheMergedOrder()
    {
        var (cluster, clock) = await TestCluster.StartAsync(dataNodes: 2, shards: 3, replicas: 1);
        for (var i = 0; i < 10; i++)
        {
            await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", $"d{i}", $"{{\"v\":{i}}}"));
        }

        var outcome = await TestCluster.RunAsync(clock, cluster.SearchAsync("i", """{"query":{"range":{"v":{"gte":2,"lt":9}}},"from":2,"size":3,"sort":[{"v":"desc"}]}"""));
        outcome.Response!.Hits.Select(h => h.Id).ShouldBe(["d6", "d5", "d4"]);
        outcome.Response.TotalHits.ShouldBe(7);
    }

    [Fact]
    public async Task CrashedNode_FailsOverToTheOtherCopy_BeforeTheMasterNotices()
    {
        var (cluster, clock) = await TestCluster.StartAsync(dataNodes: 2, shards: 1, replicas: 1);
        await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "a", """{"t":"x"}"""));
        cluster.Network.Crash("node-0");
        for (var round = 0; round < 2; round++)
        {
            var outcome = await TestCluster.RunAsync(clock, cluster.SearchAsync("i", "{}"));
            outcome.Response!.FailedShards.ShouldBe(0, outcome.ToJson());
            outcome.Response.Hits.Select(h => h.Id).ShouldBe(["a"]);
        }
    }

    [Fact]
    public async Task ShardWithNoCopyLeft_Is200WithFailed1_AndItsDocumentsAbsent()
    {
        var (cluster, clock) = await TestCluster.StartAsync(dataNodes: 2, shards: 2, replicas: 0);
        for (var i = 0; i < 8; i++)
        {
            await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", $"d{i}", $"{{\"v\":{i}}}"));
        }

        var lost = cluster.Master.State.Primary(new ShardId("i", 1))!.Node!;
        var kept = cluster.Node(cluster.NodeNames.Single(n => n != lost))!.Copies.Values.Single().Search.Documents.Select(d => d.Id).Order().ToList();
        cluster.Crash(lost);
        clock.Advance(TimeSpan.FromSeconds(1));
        var outcome = await TestCluster.RunAsync(clock, cluster.SearchAsync("i", """{"size":20}"""));
        outcome.Status.ShouldBe(200);
        (outcome.Response!.TotalShards, outcome.Response.Successful, outcome.Response.FailedShards).ShouldBe((2, 1, 1));
        outcome.Response.Hits.Select(h => h.Id).Order().ShouldBe(kept);
        using var json = JsonDocument.Parse(outcome.ToJson());
        var failure = json.RootElement.GetProperty("_shards").GetProperty("failures")[0];
        failure.GetProperty("reason").GetProperty("type").GetString().ShouldBe("no_shard_available_action_exception");

        var strict = await TestCluster.RunAsync(clock, cluster.SearchAsync("i", "{}", allowPartialSearchResults: false));
        strict.Status.ShouldBe(503);
        strict.ToJson().ShouldContain("Search rejected due to missing shards [[i][1]]. Consider using `allow_partial_search_results` setting to bypass this error.");
    }

    [Fact]
    public async Task MappingConflict_IsRefused400_BeforeASeqNo()
    {
        var (cluster, clock) = await TestCluster.StartAsync(dataNodes: 2, shards: 1, replicas: 1);
        (await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "a", """{"n":1}"""))).Response!.Op.SeqNo.ShouldBe(0);
        var bad = await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "b", """{"n":"not a number"}"""));
        bad.Status.ShouldBe(400);
        bad.Error!.Type.ShouldBe("document_parsing_exception");
        bad.Error.Reason.ShouldStartWith("[1:6] failed to parse field [n] of type [long] in document with id 'b'.");
        var next = await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "c", """{"n":2}"""));
        next.Response!.Op.SeqNo.ShouldBe(1);
        (await TestCluster.RunAsync(clock, cluster.SearchAsync("i", "{}"))).Response!.Hits.Select(h => h.Id).Order().ShouldBe(["a", "c"]);
    }

    [Fact]
    public async Task BadBodyAndMissingIndex_AreRequestErrors()
    {
        var (cluster, clock) = await TestCluster.StartAsync(dataNodes: 1, shards: 1, replicas: 0);
        var missing = await TestCluster.RunAsync(clock, cluster.SearchAsync("nope", "{}"));
        missing.Status.ShouldBe(404);
        missing.ToJson().ShouldContain("\"reason\":\"no such index [nope]\",\"resource.type\":\"index_or_alias\",\"resource.id\":\"nope\",\"index_uuid\":\"_na_\",\"index\":\"nope\"");
        var bad = await TestCluster.RunAsync(clock, cluster.SearchAsync("i", """{"query":{"nope":{}}}"""));
        bad.Status.ShouldBe(400);
        bad.Error!.Type.ShouldBe("parsing_exception");
    }
}
