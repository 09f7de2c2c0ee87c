using System.Collections.Immutable;
using Verified.Conformance.History;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.Durability;

/// <summary>
/// Runs a write workload against a simulated Loki write path (3 ingesters, RF 3, in-memory disks with torn-write
/// crashes, an in-memory store with injectable put failures, dropped requests), recording a history. At most
/// RF − quorum (one) ingester is down at a time: a crash while one is already down is skipped. The run ends with
/// reads of everything: with the crashed ingester still down; then, after every ingester restarted, with each
/// ingester crashed in turn (read while it is down, then restarted from its WAL); and a last read. Log queries in the
/// workload go through the cluster's query frontend and are recorded with their answers; a workload that queried
/// ends with one query per tenant over everything written.
/// </summary>
public static class WriteWorkloadRunner
{
    private const int ReplicationFactorMinusQuorum = 1;

    /// <summary>Runs <paramref name="operations"/> from <paramref name="seed"/> and returns the history.</summary>
    public static WriteHistory Run(IReadOnlyList<WriteOperation> operations, int seed, LokiClusterOptions? options = null) =>
        Task.Run(() => RunAsync(operations, seed, options ?? new LokiClusterOptions())).GetAwaiter().GetResult();

    private static async Task<WriteHistory> RunAsync(IReadOnlyList<WriteOperation> operations, int seed, LokiClusterOptions options)
    {
        var harness = new WritePathHarness(options, seed);
        var (cluster, clock, store) = (harness.Cluster, harness.Clock, harness.Store);
        var history = new WriteHistory();
        var newest = new Dictionary<(int Tenant, int Stream), long>();
        var last = new Dictionary<(int Tenant, int Stream), string>();
        var down = new HashSet<string>();
        var stamps = new List<long>();
        var sequence = 0;
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case WriteOperation.Push push:
                    var request = BuildPush(push, clock, newest, last, ref sequence);
                    var result = await cluster.PushAsync(request).ConfigureAwait(false);
                    history.AddPush(Written(request.Tenant, result), Verdict(result.Outcome), result.Response);
                    stamps.AddRange(request.Streams.SelectMany(st => st.Entries.Select(e => e.TimestampNs)));
                    break;
                case WriteOperation.Query query:
                    await QueryAsync(cluster, history, ReadQueries.Build(query, stamps, clock)).ConfigureAwait(false);
                    break;
                case WriteOperation.Crash crash:
                    var name = cluster.IngesterNames[crash.Ingester % cluster.IngesterNames.Count];
                    if (down.Count < ReplicationFactorMinusQuorum && !down.Contains(name))
                    {
                        cluster.Crash(name);
                        down.Add(name);
                        history.AddFault($"crash {name}");
                    }

                    break;
                case WriteOperation.RestartAll:
                    foreach (var crashed in down.Order(StringComparer.Ordinal))
                    {
                        await cluster.RestartAsync(crashed).ConfigureAwait(false);
                        history.AddFault($"restart {crashed}");
                    }

                    down.Clear();
                    break;
                case WriteOperation.Flush:
                    await cluster.FlushAllAsync().ConfigureAwait(false);
                    history.AddFault("flush");
                    break;
                case WriteOperation.DropRequests drop:
                    var target = cluster.IngesterNames[drop.Ingester % cluster.IngesterNames.Count];
                    cluster.Network.DropNextRequests(LokiCluster.DistributorNode, target, drop.Count);
                    history.AddFault($"drop next {drop.Count} requests to {target}");
                    break;
                case WriteOperation.FailStorePuts fail:
                    store.FailNextPuts(fail.Count);
                    history.AddFault($"fail next {fail.Count} store puts");
                    break;
                case WriteOperation.Advance advance:
                    clock.Advance(TimeSpan.FromSeconds(advance.Seconds));
                    cluster.Heartbeat();
                    break;
            }
        }

        history.AddRead(Found(await cluster.ReadAllAsync().ConfigureAwait(false)));
        foreach (var crashed in down.Order(StringComparer.Ordinal))
        {
            await cluster.RestartAsync(crashed).ConfigureAwait(false);
            history.AddFault($"restart {crashed}");
        }

        // Any number of restarts of every ingester with its WAL, and any single owner down at read time.
        foreach (var name in cluster.IngesterNames)
        {
            cluster.Crash(name);
            history.AddFault($"crash {name}");
            history.AddRead(Found(await cluster.ReadAllAsync().ConfigureAwait(false)));
            await cluster.RestartAsync(name).ConfigureAwait(false);
            history.AddFault($"restart {name}");
        }

        history.AddRead(Found(await cluster.ReadAllAsync().ConfigureAwait(false)));

        // When the workload queried, finish with one query per tenant over everything written, through the frontend.
        if (operations.Any(o => o is WriteOperation.Query))
        {
            foreach (var tenant in Enumerable.Range(0, WriteWorkloads.Tenants))
            {
                await QueryAsync(cluster, history, ReadQueries.Everything(tenant, stamps, clock)).ConfigureAwait(false);
            }
        }

        return history;
    }

    private static async Task QueryAsync(LokiCluster cluster, WriteHistory history, ReadQuery query)
    {
        var response = await cluster.QueryAsync(query.Request).ConfigureAwait(false);
        var returned = response.Result.Streams.Select(s => new ReturnedStream(s.Labels, s.Entries)).ToImmutableArray();
        var request = query.Request;
        history.AddQuery(new QueryRecord(
            history.NextId,
            request.Tenant,
            request.Query,
            query.Matches,
            request.StartNs,
            request.EndNs,
            request.Direction == Direction.Backward,
            request.Limit,
            returned,
            response.StatusCode == 200 ? null : $"{response.StatusCode} {response.Error}",
            query.KeepsEntry));
    }

    private static PushRequest BuildPush(WriteOperation.Push push, TimeProvider clock, Dictionary<(int, int), long> newest, Dictionary<(int, int), string> last, ref int sequence)
    {
        var key = (push.Tenant, push.Stream);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        var start = Math.Max(newest.GetValueOrDefault(key, now - 1_000_000_000L), now - 1_000_000_000L) - (push.BackSeconds * 1_000_000_000L);
        var entries = ImmutableArray.CreateBuilder<LogEntry>();
        if (push.RepeatLast && last.TryGetValue(key, out var repeated))
        {
            entries.Add(new LogEntry(newest[key], repeated));
        }

        for (var i = 0; i < push.Count; i++)
        {
            var ts = start + ((i + 1) * 1_000_000L);
            // Pushes of an even count write lines every stream shares ("line I"): entries of different streams then
            // agree on timestamp and line, which only the per-stream dedupe of the read path keeps apart.
            var line = push.Count % 2 == 0 ? $"line {i}" : $"line {sequence} of t{push.Tenant}/s{push.Stream}";
            sequence++;
            entries.Add(new LogEntry(ts, line));
            if (ts >= newest.GetValueOrDefault(key, long.MinValue))
            {
                newest[key] = ts;
                last[key] = line;
            }
        }

        // Labels arrive in a different order each time, with an empty value: canonicalization must not care.
        var labels = push.Stream % 2 == 0
            ? $"{{stream=\"s{push.Stream}\", app=\"app{push.Stream % 3}\", empty=\"\"}}"
            : $"{{app=\"app{push.Stream % 3}\",stream=\"s{push.Stream}\"}}";
        return new PushRequest($"tenant-{push.Tenant}", [new PushStream(labels, entries.ToImmutable())]);
    }

    private static ImmutableArray<StreamEntry> Written(string tenant, PushResult result) =>
        [.. result.Streams.SelectMany(s => s.Entries.Select(e => new StreamEntry(tenant, s.Labels, e)))];

    private static ImmutableArray<StreamEntry> Found(ImmutableArray<(string Tenant, string Labels, LogEntry Entry)> read) =>
        [.. read.Select(r => new StreamEntry(r.Tenant, r.Labels, r.Entry))];

    private static PushVerdict Verdict(PushOutcome outcome) => outcome switch
    {
        PushOutcome.Acknowledged or PushOutcome.PartiallyAcknowledged => PushVerdict.Acknowledged,
        PushOutcome.Rejected => PushVerdict.DefiniteFailure,
        _ => PushVerdict.IndefiniteFailure,
    };
}
