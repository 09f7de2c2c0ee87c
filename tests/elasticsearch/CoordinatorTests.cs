using Shouldly;
using Verified.Reference.Elasticsearch.Cluster;
using Xunit;

namespace Verified.Elasticsearch.Tests;

/// <summary>Coordinating-node examples: routing, wait_for_active_shards, write <c>_shards</c>, ES error texts (ELASTICSEARCH.md §2, §6).</summary>
public sealed class CoordinatorTests
{
    [Fact]
    public async Task IndexWithAnUnassignedReplica_IsCreated_WithShardsTotal2Successful1()
    {
        var (cluster, clock) = await TestCluster.StartAsync(shards: 1, dataNodes: 1, replicas: 1);
        var outcome = await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "1", "{}"));
        outcome.Status.ShouldBe(201);
        outcome.Response!.Result.ShouldBe("created");
        (outcome.Response.Total, outcome.Response.Successful, outcome.Response.Failures.Length).ShouldBe((2, 1, 0));
        (outcome.Response.Op.SeqNo, outcome.Response.Op.Term, outcome.Response.Version).ShouldBe((0L, 1L, 1L));
    }

    [Fact]
    public async Task WaitForAllActiveShards_WithAReplicaMissing_TimesOutWith503()
    {
        var (cluster, clock) = await TestCluster.StartAsync(shards: 1, dataNodes: 1, replicas: 1);
        var outcome = await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "1", "{}", waitForActiveShards: "all"));
        outcome.Status.ShouldBe(503);
        outcome.Error!.Type.ShouldBe("unavailable_shards_exception");
        outcome.Error.Reason.ShouldBe("[i][0] Not enough active copies to meet shard count of [ALL] (have 1, needed 2). Timeout: [1m], request: [index {[i][1], source[{}]}]");
    }

    [Fact]
    public async Task SecondIndexOfAnId_IsUpdated_AndDeleteOfAMissingId_IsNotFound404()
    {
        var (cluster, clock) = await TestCluster.StartAsync(shards: 1, dataNodes: 2, replicas: 1);
        await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "1", "{\"a\":1}"));
        var second = await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "1", "{\"a\":2}"));
        (second.Status, second.Response!.Result, second.Response.Version, second.Response.Successful).ShouldBe((200, "updated", 2L, 2));
        var missing = await TestCluster.RunAsync(clock, cluster.Coordinator.DeleteAsync("i", "nope"));
        (missing.Status, missing.Response!.Result).ShouldBe((404, "not_found"));
        var get = await TestCluster.RunAsync(clock, cluster.Coordinator.GetAsync("i", "1"));
        get.Document!.Source.ShouldBe("{\"a\":2}");
    }

    [Fact]
    public async Task CreateOnAnExistingId_Is409VersionConflict()
    {
        var (cluster, clock) = await TestCluster.StartAsync(shards: 1, dataNodes: 2, replicas: 1);
        await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "1", "{}"));
        var conflict = await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "1", "{}", createOnly: true));
        conflict.Error.ShouldBe(new EsError("version_conflict_engine_exception", "[1]: version conflict, document already exists (current version [1])", 409));
    }

    [Fact]
    public async Task WriteToAMissingIndex_Is404IndexNotFound_AndEmptyId_Is400()
    {
        var (cluster, clock) = await TestCluster.StartAsync(shards: 1, dataNodes: 1, replicas: 0);
        (await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("nope", "1", "{}"))).Error.ShouldBe(new EsError("index_not_found_exception", "no such index [nope]", 404));
        (await TestCluster.RunAsync(clock, cluster.Coordinator.IndexAsync("i", "", "{}"))).Error!.Reason.ShouldBe("Validation Failed: 1: if _id is specified it must not be empty;");
    }

    [Fact]
    public async Task ShardFailedFromADemotedPrimary_IsRefusedWithNoLongerPrimary()
    {
        var (cluster, clock) = await TestCluster.StartAsync(shards: 1, dataNodes: 3, replicas: 2);
        var shard = new ShardId("i", 0);
        var primary = cluster.Master.State.Primary(shard)!;
        cluster.Crash(primary.Node!);
        cluster.Master.State.Term(shard).ShouldBe(2);
        var replica = cluster.Master.State.Copies(shard).First(c => c.Assigned && !c.Primary);
        var error = await Should.ThrowAsync<EsException>(() => TestCluster.RunAsync(clock, cluster.Network.CallAsync<ShardFailedRequest, ShardStateResponse>(
            replica.Node!, EsCluster.MasterNode, new ShardFailedRequest(shard, replica.AllocationId, 1, "test"))));
        error.Error.Reason.ShouldBe("primary term [1] did not match current primary term [2]");
        cluster.Master.State.InSync(shard).ShouldContain(replica.AllocationId);
    }
}
