using Verified.Reference.Elasticsearch;
using Verified.Reference.Elasticsearch.Cluster;
using Verified.Reference.Elasticsearch.Search;
using Verified.Reference.Simulation;
using Verified.Routing;

namespace Verified.Conformance.Elasticsearch;

/// <summary>
/// Search through the cluster (ES-SEARCH-1..4): runs a generated history of writes, faults and searches on 3 data
/// nodes holding index <c>i</c> with 2 shards and 1 replica (jittered links, 5% of requests lost). Searches during
/// the history must return nothing phantom. After quiet-down every search must find exactly what
/// <see cref="EsSearchModel"/> allows, in the merge order, with <c>from</c>/<c>size</c> pages slicing the whole
/// list; then both nodes of one shard crash and searches must report that shard in <c>_shards.failed</c> with its
/// documents absent and the other shard complete. Deterministic given the seed and the steps.
/// </summary>
public static class EsSearchHarness
{
    /// <summary>Shards of the searched index.</summary>
    public const int Shards = 2;

    /// <summary>Runs <paramref name="steps"/>; the violations are empty when every search conformed.</summary>
    public static EsRun Run(IReadOnlyList<EsStep> steps, int seed) => Run(steps, seed, SearchFaults.None);

    internal static EsRun Run(IReadOnlyList<EsStep> steps, int seed, SearchFaults faults) =>
        EsHarness.OffContext(() => RunOffContext(steps, seed, faults));

    private static EsRun RunOffContext(IReadOnlyList<EsStep> steps, int seed, SearchFaults faults)
    {
        var clock = new SimulatedClock(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
        var cluster = new EsCluster(EsHarness.Nodes, clock, new Random(seed), Reference.Elasticsearch.Replication.ReplicationFaults.None, faults);
        cluster.Network.DefaultLinkFaults = new LinkFaults(Delay: TimeSpan.FromMilliseconds(1), Jitter: TimeSpan.FromMilliseconds(20));
        cluster.Master.CreateIndex(IndexRouting.Create(ElasticsearchRouting.Instance, Shards, index: EsHarness.IndexName), replicas: 1);
        // The index is created with "v" mapped as long (as with explicit mappings), so sorting on it works before any write.
        cluster.Master.State.Indices[EsHarness.IndexName].Mapping.Apply(new Dictionary<string, FieldType> { ["v"] = FieldType.Long });
        clock.Advance(TimeSpan.FromSeconds(1));
        cluster.Network.DefaultLinkFaults = cluster.Network.DefaultLinkFaults with { RequestDropRate = 0.05 };

        var writes = new List<EsWrite>();
        var violations = new List<string>();
        var searches = new List<EsStep.Search> { new(0, 0, 0) };
        foreach (var step in steps)
        {
            if (step is EsStep.Search search)
            {
                searches.Add(search);
                CheckNoPhantom(cluster, clock, search, writes, violations);
            }
            else
            {
                EsHarness.Apply(cluster, clock, step, writes);
            }

            clock.Advance(TimeSpan.FromMilliseconds(2));
        }

        cluster.Network.ClearFaults();
        foreach (var name in cluster.NodeNames)
        {
            cluster.Restart(name);
        }

        cluster.Heal();
        for (var round = 0; round < 5; round++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            cluster.Master.Reroute();
            cluster.Master.Republish();
            EsHarness.Sync(cluster);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var model = new EsSearchModel(writes);
        foreach (var search in searches)
        {
            CheckQuiet(cluster, clock, model, search, violations);
        }

        CheckShardLoss(cluster, clock, model, violations);
        return new EsRun(seed, steps, writes, violations);
    }

    /// <summary>Mid-history: every hit is a source some request wrote to its id, and matches the query.</summary>
    private static void CheckNoPhantom(EsCluster cluster, SimulatedClock clock, EsStep.Search search, List<EsWrite> writes, List<string> violations)
    {
        var (body, matches) = EsSearchModel.Query(search);
        var model = new EsSearchModel(writes);
        if (Await(clock, cluster.SearchAsync(EsHarness.IndexName, body)).Response is not { } response)
        {
            return;
        }

        foreach (var hit in response.Hits.Where(h => !model.EverWritten(h.Id, h.SourceJson) || !matches(EsSearchModel.ValueOf(h.SourceJson))))
        {
            violations.Add($"NoPhantom: {search} returned {hit.Id}={hit.SourceJson}, never written or not matching");
        }
    }

    /// <summary>Quiet: nothing failed, exactly the model's documents, merge order, totals, pages.</summary>
    private static void CheckQuiet(EsCluster cluster, SimulatedClock clock, EsSearchModel model, EsStep.Search search, List<string> violations)
    {
        var (body, matches) = EsSearchModel.Query(search);
        var outcome = Await(clock, cluster.SearchAsync(EsHarness.IndexName, body));
        if (CheckShards(cluster, outcome, search.ToString(), violations) is not { } response)
        {
            return;
        }

        var red = RedShards(cluster);
        var shardOf = ShardOf(cluster);
        CheckHits(model, search, matches, response, id => !red.Contains(shardOf(id)), violations);
        var full = response.Hits.Select(h => EsSearchModel.ValueOf(h.SourceJson)).ToList();
        if (response.TotalHits != response.Hits.Count)
        {
            violations.Add($"Window: {search}: hits.total {response.TotalHits} but {response.Hits.Count} hits with size 50");
        }

        for (var i = 1; i < response.Hits.Count; i++)
        {
            var (a, b) = (response.Hits[i - 1], response.Hits[i]);
            var key = (full[i - 1], a.ShardIndex, a.DocId).CompareTo((full[i], b.ShardIndex, b.DocId));
            if (key >= 0)
            {
                violations.Add($"Order: {search}: {a.Id} (v {full[i - 1]}, shard {a.ShardIndex}, doc {a.DocId}) before {b.Id} (v {full[i]}, shard {b.ShardIndex}, doc {b.DocId})");
            }
        }

        foreach (var (from, size) in new[] { (1, 2), (2, 3), (full.Count, 1) })
        {
            var page = Await(clock, cluster.SearchAsync(EsHarness.IndexName, EsSearchModel.Query(search, from, size).Body)).Response;
            var values = page?.Hits.Select(h => EsSearchModel.ValueOf(h.SourceJson)).ToList();
            var expected = full.Skip(from).Take(size).ToList();
            if (values is null || !values.SequenceEqual(expected))
            {
                violations.Add($"Window: {search} from {from} size {size}: values [{(values is null ? "error" : string.Join(",", values))}], expected [{string.Join(",", expected)}]");
            }
        }
    }

    /// <summary>Both copies of one shard lost: that shard counts in <c>_shards.failed</c>, its documents are absent, the other's complete.</summary>
    private static void CheckShardLoss(EsCluster cluster, SimulatedClock clock, EsSearchModel model, List<string> violations)
    {
        var state = cluster.Master.State;
        var meta = state.Indices[EsHarness.IndexName];
        var lost = new ShardId(EsHarness.IndexName, 0);
        foreach (var node in state.Copies(lost).Where(c => c.Node is not null).Select(c => c.Node!).ToList())
        {
            cluster.Crash(node);
        }

        var all = new EsStep.Search(0, 0, 0);
        var (body, matches) = EsSearchModel.Query(all);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // First on the coordinating node's stale state (the copies fail), then once the master published.
            var outcome = Await(clock, cluster.SearchAsync(EsHarness.IndexName, body));
            if (CheckShards(cluster, outcome, $"search {attempt} after shard 0 lost", violations) is { } response)
            {
                var red = RedShards(cluster);
                CheckHits(model, all, matches, response, id => !red.Contains(meta.Routing.ShardId(id, null)), violations);
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Shards whose primary the master does not have active (every copy lost: red).</summary>
    private static HashSet<int> RedShards(EsCluster cluster) =>
        [.. Enumerable.Range(0, Shards).Where(s => cluster.Master.State.Primary(new ShardId(EsHarness.IndexName, s)) is not { Active: true })];

    private static Func<string, int> ShardOf(EsCluster cluster)
    {
        var routing = cluster.Master.State.Indices[EsHarness.IndexName].Routing;
        return id => routing.ShardId(id, null);
    }

    /// <summary>
    /// <c>_shards</c> counts exactly the red shards as failed (ES-SEARCH-2): a partial 200 when some shard answers,
    /// the all-shards-failed error when none does. Returns the response to check hits on, or null.
    /// </summary>
    private static SearchResponse? CheckShards(EsCluster cluster, SearchOutcome outcome, string what, List<string> violations)
    {
        var red = RedShards(cluster);
        if (outcome.Response is not { } response)
        {
            if (red.Count < Shards)
            {
                violations.Add($"ShardFailures: {what}: error although shards [{string.Join(",", Enumerable.Range(0, Shards).Except(red))}] have copies: {outcome.ToJson()}");
            }

            return null;
        }

        var failed = response.Failures.Select(f => f.ShardId).ToHashSet();
        if (!failed.SetEquals(red) || response.FailedShards != red.Count || response.Successful != Shards - red.Count || response.TotalShards != Shards)
        {
            violations.Add($"ShardFailures: {what}: _shards total {response.TotalShards}, successful {response.Successful}, failed {response.FailedShards} on [{string.Join(",", failed)}]; red shards [{string.Join(",", red)}]");
        }

        return response;
    }

    /// <summary>Every hit allowed and matching; every required document on an answering shard found.</summary>
    private static void CheckHits(EsSearchModel model, EsStep.Search search, Func<int, bool> matches, SearchResponse response, Func<string, bool> answered, List<string> violations)
    {
        var found = response.Hits.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var hit in response.Hits.Where(h => !answered(h.Id) || !model.Allowed(h.Id, h.SourceJson) || !matches(EsSearchModel.ValueOf(h.SourceJson))))
        {
            violations.Add($"NoPhantom: {search} returned {hit.Id}={hit.SourceJson}, which the model does not allow");
        }

        foreach (var id in model.Ids.Where(id => answered(id) && !found.Contains(id) && model.Required(id, s => matches(EsSearchModel.ValueOf(s)))))
        {
            violations.Add($"Completeness: {search} with _shards.failed {response.FailedShards} missed {id}");
        }
    }

    private static T Await<T>(SimulatedClock clock, Task<T> task)
    {
        for (var i = 0; i < 1200 && !task.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        return task.IsCompleted ? task.Result : throw new InvalidOperationException("search did not finish in 2 simulated minutes");
    }
}
