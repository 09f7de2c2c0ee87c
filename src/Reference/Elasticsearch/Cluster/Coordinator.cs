using System.Text;
using Verified.Reference.Elasticsearch.Replication;
using Verified.Reference.Simulation;

namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>
/// A coordinating node (ES TransportReplicationAction's reroute phase): routes each index, delete and get with the
/// index's generated routing on its own, possibly stale, cluster state; checks wait_for_active_shards; sends to the
/// primary; and retries on newer states while the primary is missing, inactive or demoted, until the timeout.
/// </summary>
public sealed partial class Coordinator
{
    /// <summary>ES's default request timeout: 1m.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    private readonly SimNetwork _network;
    private readonly TimeProvider _time;

    /// <summary>A coordinating node <paramref name="name"/> on <paramref name="network"/>; it receives the master's publications.</summary>
    public Coordinator(SimNetwork network, TimeProvider time, string name)
    {
        _network = network;
        _time = time;
        Name = name;
        network.Register<PublishRequest, PublishResponse>(name, (r, _) =>
        {
            if (State is null || State.Version < r.State.Version)
            {
                State = r.State;
            }

            return Task.FromResult(new PublishResponse(State.Version));
        });
    }

    /// <summary>The node name.</summary>
    public string Name { get; }

    /// <summary>The last cluster state this node applied.</summary>
    public ClusterState? State { get; private set; }

    /// <summary><c>PUT /index/_doc/id</c> (or <c>_create</c> with <paramref name="createOnly"/>).</summary>
    public Task<WriteOutcome> IndexAsync(string index, string id, string source, string? routing = null, string? waitForActiveShards = null, TimeSpan? timeout = null, bool createOnly = false) =>
        WriteAsync(index, id, routing, OperationKind.Index, source, waitForActiveShards, timeout, createOnly);

    /// <summary><c>DELETE /index/_doc/id</c>.</summary>
    public Task<WriteOutcome> DeleteAsync(string index, string id, string? routing = null, string? waitForActiveShards = null, TimeSpan? timeout = null) =>
        WriteAsync(index, id, routing, OperationKind.Delete, null, waitForActiveShards, timeout, false);

    /// <summary><c>GET /index/_doc/id</c>, realtime, from the primary.</summary>
    public async Task<GetOutcome> GetAsync(string index, string id, string? routing = null, TimeSpan? timeout = null)
    {
        var deadline = _time.GetUtcNow() + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (Validate(index, id, routing) is { } invalid)
            {
                return new GetOutcome(index, id, null, invalid);
            }

            var shard = new ShardId(index, State!.Indices[index].Routing.ShardId(id, routing));
            if (State.Primary(shard) is { Active: true, Node: { } node })
            {
                try
                {
                    var answer = await _network.CallAsync<GetRequest, GetResponse>(Name, node, new GetRequest(shard, id)).ConfigureAwait(false);
                    return new GetOutcome(index, id, answer.Document, null);
                }
                catch (Exception e) when (e is RemoteCallException or EsException)
                {
                    // Retried on a newer state below.
                }
            }

            if (_time.GetUtcNow() >= deadline)
            {
                return new GetOutcome(index, id, null, EsError.PrimaryNotActive(shard, Format(timeout ?? DefaultTimeout), $"get [{index}][{id}]"));
            }

            await _time.DelayAsync(DataNode.RetryDelay).ConfigureAwait(false);
        }
    }

    private async Task<WriteOutcome> WriteAsync(string index, string id, string? routing, OperationKind kind, string? source, string? waitForActiveShards, TimeSpan? timeout, bool createOnly)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = _time.GetUtcNow() + limit;
        var describe = kind == OperationKind.Delete ? $"delete {{[{index}][{id}]}}" : $"index {{[{index}][{id}], source[{source}]}}";
        while (true)
        {
            if (Validate(index, id, routing) is { } invalid)
            {
                return new WriteOutcome(index, id, null, invalid);
            }

            var meta = State!.Indices[index];
            var shard = new ShardId(index, meta.Routing.ShardId(id, routing));
            EsError error;
            if (ParseActiveShards(waitForActiveShards, meta) is { Error: { } bad })
            {
                return new WriteOutcome(index, id, null, bad);
            }

            var (needed, label, _) = ParseActiveShards(waitForActiveShards, meta);
            var active = State.Copies(shard).Count(c => c.Active);
            if (State.Primary(shard) is not { Active: true, Node: { } node })
            {
                error = EsError.PrimaryNotActive(shard, Format(limit), describe);
            }
            else if (active < needed)
            {
                // A pre-flight check only (ES ActiveShardCount.enoughShardsActive): not a quorum on the outcome.
                error = EsError.NotEnoughActiveCopies(shard, label, active, needed, Format(limit), describe);
            }
            else
            {
                try
                {
                    // The request's timeout bounds the whole write here, the wait for the primary's answer included.
                    var remaining = deadline - _time.GetUtcNow();
                    var response = await _network.CallAsync<PrimaryRequest, PrimaryResponse>(
                        Name, node, new PrimaryRequest(shard, kind, id, source, describe, createOnly), remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1)).ConfigureAwait(false);
                    return new WriteOutcome(index, id, response, null);
                }
                catch (EsException e) when (e.Error.Status is 409 or 400)
                {
                    return new WriteOutcome(index, id, null, e.Error);
                }
                catch (Exception e) when (e is RemoteCallException or EsException)
                {
                    error = EsError.PrimaryNotActive(shard, Format(limit), describe);
                }
            }

            if (_time.GetUtcNow() >= deadline)
            {
                return new WriteOutcome(index, id, null, error);
            }

            await _time.DelayAsync(DataNode.RetryDelay).ConfigureAwait(false);
        }
    }

    /// <summary>Index, id and routing errors that no retry fixes.</summary>
    private EsError? Validate(string index, string id, string? routing)
    {
        if (State is null || !State.Indices.TryGetValue(index, out var meta))
        {
            return EsError.IndexNotFound(index);
        }

        if (id.Length == 0)
        {
            return EsError.EmptyId();
        }

        var bytes = Encoding.UTF8.GetByteCount(id);
        if (bytes > 512)
        {
            return EsError.IdTooLong(id, bytes);
        }

        return meta.Routing.RoutingRequired && routing is null ? EsError.RoutingMissing(index, id) : null;
    }

    /// <summary>wait_for_active_shards: a number in [0, replicas + 1] or <c>all</c>; the index default when absent.</summary>
    private static (int Needed, string Label, EsError? Error) ParseActiveShards(string? value, IndexMetadata meta)
    {
        if (value is null)
        {
            var n = meta.WaitForActiveShards < 0 ? meta.Copies : meta.WaitForActiveShards;
            return (n, meta.WaitForActiveShards < 0 ? "ALL" : n.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        }

        if (value == "all")
        {
            return (meta.Copies, "ALL", null);
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count <= meta.Copies
            ? (count, value, null)
            : (0, value, new EsError("illegal_argument_exception", $"invalid wait_for_active_shards[{value}]: cannot be greater than number of shard copies [{meta.Copies}] for index [{meta.Name}]", 400));
    }

    /// <summary>ES TimeValue formatting for the common cases: <c>1m</c>, <c>30s</c>, <c>100ms</c>.</summary>
    private static string Format(TimeSpan span) =>
        span.TotalMinutes is var m && m >= 1 && m == Math.Floor(m) ? $"{m}m"
        : span.TotalSeconds is var s && s >= 1 && s == Math.Floor(s) ? $"{s}s"
        : $"{span.TotalMilliseconds}ms";
}
