using System.Collections.Immutable;
using Verified.Reference.Elasticsearch.Cluster;
using Verified.Reference.Simulation;

namespace Verified.Reference.Elasticsearch.Replication;

public sealed partial class DataNode
{
    /// <summary>
    /// The primary action (ES ReplicationOperation): assign seq_no and term, apply locally, sample the global
    /// checkpoint and the replication group, send to every target, and answer only once each target either applied
    /// the operation or was removed from the in-sync set by the master (the ack rule, ELASTICSEARCH.md §2.4).
    /// </summary>
    private async Task<PrimaryResponse> WriteOnPrimaryAsync(PrimaryRequest request)
    {
        var copy = PrimaryCopy(request.Shard);
        var state = AppliedState!;
        var meta = state.Indices[request.Shard.Index];
        var existed = copy.Get(request.Id) is not null;
        var version = copy.VersionOf(request.Id) + 1;
        if (request.CreateOnly && existed)
        {
            throw new EsException(EsError.AlreadyExists(request.Id, version - 1));
        }

        var op = copy.AssignAndApply(request.Kind, request.Id, request.Source);
        var result = request.Kind == OperationKind.Delete ? (existed ? "deleted" : "not_found") : (existed ? "updated" : "created");
        var globalCheckpoint = copy.GlobalCheckpoint;
        var targets = ReplicationGroup(copy, state);
        var replication = targets.Select(t => ReplicateAsync(copy, t, op, globalCheckpoint)).ToList();
        if (Faults.HasFlag(ReplicationFaults.AckBeforeReplicas))
        {
            return new PrimaryResponse(op, result, version, meta.Copies, 1 + targets.Count, []);
        }

        var outcomes = await Task.WhenAll(replication).ConfigureAwait(false);
        if (copy.Failed)
        {
            // The master said a newer primary exists: never ack; the coordinating node retries on the new primary.
            throw new EsException(EsError.NotPrimaryHere(request.Shard));
        }

        copy.RecomputeGlobalCheckpoint(CheckpointGroup(copy, AppliedState!));
        var failures = outcomes.OfType<CopyFailure>().ToImmutableArray();
        return new PrimaryResponse(op, result, version, meta.Copies, 1 + targets.Count - failures.Length, failures);
    }

    /// <summary>Assigned copies other than the primary that are in sync or tracked by a recovery.</summary>
    private static List<ShardRouting> ReplicationGroup(ShardCopy primary, ClusterState state)
    {
        var inSync = state.InSync(primary.Shard);
        return [.. state.Copies(primary.Shard).Where(c => c.Assigned && c.AllocationId != primary.AllocationId
            && (inSync.Contains(c.AllocationId) || primary.Tracked.Contains(c.AllocationId)))];
    }

    /// <summary>
    /// The copies the global checkpoint waits for: the in-sync set plus recovering copies this primary tracks that are
    /// still routed — the checkpoint is frozen while a copy is pending in sync (ES ReplicationTracker).
    /// </summary>
    private IEnumerable<string> CheckpointGroup(ShardCopy primary, ClusterState state) =>
        Faults.HasFlag(ReplicationFaults.GlobalCheckpointFromPrimaryOnly)
            ? [primary.AllocationId]
            : state.InSync(primary.Shard).Union(primary.Tracked.Where(t => state.Copy(primary.Shard, t) is not null));

    /// <summary>Sends one operation to one target; null when it applied, else the failure (already confirmed by the master).</summary>
    private async Task<CopyFailure?> ReplicateAsync(ShardCopy primary, ShardRouting target, Operation op, long globalCheckpoint)
    {
        string reason;
        try
        {
            var answer = await _network.CallAsync<ReplicaRequest, ReplicaResponse>(
                Name, target.Node!, new ReplicaRequest(primary.Shard, target.AllocationId, op, op.Term, globalCheckpoint)).ConfigureAwait(false);
            primary.RecordCheckpoint(target.AllocationId, answer.LocalCheckpoint);
            return null;
        }
        catch (RemoteCallException e)
        {
            reason = e.Message;
        }
        catch (EsException e)
        {
            reason = e.Error.Reason;
        }

        await FailReplicaAsync(primary, target.AllocationId, op.Term, reason).ConfigureAwait(false);
        return new CopyFailure(target.Node!, reason);
    }

    /// <summary>
    /// Reports a failed replica to the master under <paramref name="term"/> and waits for its answer. A
    /// NoLongerPrimaryShardException means this copy was demoted: it fails itself. No answer at all also blocks the
    /// ack, so the copy is marked failed as well.
    /// </summary>
    private async Task FailReplicaAsync(ShardCopy primary, string allocationId, long term, string reason)
    {
        try
        {
            var answer = await CallMasterAsync<ShardFailedRequest, ShardStateResponse>(new ShardFailedRequest(primary.Shard, allocationId, term, reason)).ConfigureAwait(false);
            if (answer is null)
            {
                primary.Failed = true;
            }
        }
        catch (EsException)
        {
            primary.Failed = true;
        }
    }

    /// <summary>
    /// A new primary's resync (ES PrimaryReplicaSyncer): every operation above its global checkpoint, with its max
    /// seq_no, to each replica of the group; a replica that does not answer is failed like a write.
    /// </summary>
    private async Task ResyncAsync(ShardCopy primary, ClusterState state, IReadOnlyList<Operation> ops)
    {
        var term = primary.Term;
        var targets = ReplicationGroup(primary, state);
        var sends = targets.Select(async t =>
        {
            string reason;
            try
            {
                var answer = await _network.CallAsync<ResyncRequest, ReplicaResponse>(
                    Name, t.Node!, new ResyncRequest(primary.Shard, t.AllocationId, term, [.. ops], primary.MaxSeqNo, primary.GlobalCheckpoint)).ConfigureAwait(false);
                primary.RecordCheckpoint(t.AllocationId, answer.LocalCheckpoint);
                return;
            }
            catch (RemoteCallException e)
            {
                reason = e.Message;
            }
            catch (EsException e)
            {
                reason = e.Error.Reason;
            }

            await FailReplicaAsync(primary, t.AllocationId, term, reason).ConfigureAwait(false);
        }).ToList();
        await Task.WhenAll(sends).ConfigureAwait(false);
        if (AppliedState is { } applied)
        {
            primary.RecomputeGlobalCheckpoint(CheckpointGroup(primary, applied));
        }
    }

    /// <summary>Sends the global checkpoint to every replica of each primary here and collects their local checkpoints.</summary>
    public async Task SyncCheckpointsAsync()
    {
        if (AppliedState is not { } state)
        {
            return;
        }

        foreach (var primary in _copies.Values.Where(c => c.IsPrimary && !c.Failed).ToList())
        {
            var sends = ReplicationGroup(primary, state).Select(async t =>
            {
                try
                {
                    var answer = await _network.CallAsync<CheckpointSyncRequest, ReplicaResponse>(
                        Name, t.Node!, new CheckpointSyncRequest(primary.Shard, t.AllocationId, primary.Term, primary.GlobalCheckpoint)).ConfigureAwait(false);
                    primary.RecordCheckpoint(t.AllocationId, answer.LocalCheckpoint);
                }
                catch (Exception e) when (e is RemoteCallException or EsException)
                {
                    // A best-effort sync: the next write carries the checkpoint anyway.
                }
            }).ToList();
            await Task.WhenAll(sends).ConfigureAwait(false);
            primary.RecomputeGlobalCheckpoint(CheckpointGroup(primary, state));
        }
    }

    /// <summary>Serves a peer recovery: start tracking the target (so every later write reaches it), then snapshot.</summary>
    private RecoveryResponse ServeRecovery(RecoveryRequest request)
    {
        var primary = PrimaryCopy(request.Shard);
        if (AppliedState?.Copy(request.Shard, request.Target) is not { State: ShardCopyState.Initializing })
        {
            // ES delays the recovery until the primary's cluster state knows the target.
            throw new EsException(EsError.NotPrimaryHere(request.Shard));
        }

        primary.Tracked.Add(request.Target);
        var ops = primary.Translog.Select(e => e.Op);
        if (Faults.HasFlag(ReplicationFaults.RecoverySkipsBelowGlobalCheckpoint))
        {
            ops = ops.Where(o => o.SeqNo > primary.GlobalCheckpoint);
        }

        return new RecoveryResponse([.. ops], primary.Term, primary.GlobalCheckpoint);
    }
}
