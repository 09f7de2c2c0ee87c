using Verified.Reference.Simulation;
using Verified.Reference.Elasticsearch.Cluster;

namespace Verified.Reference.Elasticsearch.Replication;

public sealed partial class DataNode
{
    /// <summary>
    /// The replica action (ES IndexShard.acquireReplicaOperationPermit): an operation under an older term is
    /// rejected, a newer term is adopted first; the operation takes its slot; the global checkpoint advances.
    /// </summary>
    private ReplicaResponse WriteOnReplica(ReplicaRequest request)
    {
        var copy = ReplicaCopy(request.Shard, request.Target, request.PrimaryTerm);
        copy.Store(request.Op);
        ObserveGlobalCheckpoint(copy, request.PrimaryTerm, request.GlobalCheckpoint);
        return new ReplicaResponse(copy.LocalCheckpoint);
    }

    /// <summary>A resync from a new primary: apply its operations, then trim older-term entries above its max seq_no.</summary>
    private ReplicaResponse Resync(ResyncRequest request)
    {
        var copy = ReplicaCopy(request.Shard, request.Target, request.PrimaryTerm);
        foreach (var op in request.Ops)
        {
            copy.Store(op);
        }

        if (!Faults.HasFlag(ReplicationFaults.NoTrimAfterPromotion))
        {
            copy.Trim(request.MaxSeqNo, request.PrimaryTerm);
        }

        ObserveGlobalCheckpoint(copy, request.PrimaryTerm, request.GlobalCheckpoint);
        return new ReplicaResponse(copy.LocalCheckpoint);
    }

    private ReplicaResponse SyncCheckpoint(CheckpointSyncRequest request)
    {
        var copy = ReplicaCopy(request.Shard, request.Target, request.PrimaryTerm);
        ObserveGlobalCheckpoint(copy, request.PrimaryTerm, request.GlobalCheckpoint);
        return new ReplicaResponse(copy.LocalCheckpoint);
    }

    /// <summary>The replica copy <paramref name="target"/> after the term check; adopts a newer <paramref name="term"/>.</summary>
    private ShardCopy ReplicaCopy(ShardId shard, string target, long term)
    {
        if (!_copies.TryGetValue(target, out var copy) || copy.IsPrimary)
        {
            throw new EsException(new EsError("shard_not_found_exception", $"no such shard {shard} with allocation id [{target}] on node [{Name}]", 404));
        }

        if (term < copy.Term && !Faults.HasFlag(ReplicationFaults.ReplicaAcceptsOlderTerm))
        {
            throw new EsException(EsError.TermTooOld(shard, term, copy.Term));
        }

        OnReplicaAccept?.Invoke(new ReplicaAccept(Name, target, term, copy.Term));
        copy.AdoptTerm(term);
        return copy;
    }

    /// <summary>
    /// Takes a global checkpoint sent under the copy's own term; entries at or below it are confirmed (every in-sync
    /// copy holds them), which is what lets a copy that adopted a newer term move its local checkpoint again.
    /// </summary>
    private static void ObserveGlobalCheckpoint(ShardCopy copy, long term, long globalCheckpoint)
    {
        if (term == copy.Term)
        {
            copy.ConfirmUpTo(Math.Min(globalCheckpoint, copy.MaxSeqNo));
            copy.UpdateGlobalCheckpoint(globalCheckpoint);
        }
    }

    /// <summary>
    /// Peer recovery of a new replica (ES PeerRecoveryTargetService, simplified to one snapshot): ask the primary,
    /// retrying while it does not know this copy yet, apply the snapshot, then report shard-started.
    /// </summary>
    private async Task RecoverAsync(ShardCopy copy)
    {
        while (!Dead && _copies.ContainsKey(copy.AllocationId))
        {
            var primary = AppliedState?.Primary(copy.Shard);
            if (primary is { Active: true, Node: { } node })
            {
                try
                {
                    var snapshot = await _network.CallAsync<RecoveryRequest, RecoveryResponse>(Name, node, new RecoveryRequest(copy.Shard, copy.AllocationId)).ConfigureAwait(false);
                    if (snapshot.PrimaryTerm >= copy.Term)
                    {
                        copy.AdoptTerm(snapshot.PrimaryTerm);
                        foreach (var op in snapshot.Ops)
                        {
                            copy.Store(op);
                        }

                        ObserveGlobalCheckpoint(copy, snapshot.PrimaryTerm, snapshot.GlobalCheckpoint);
                        await CallMasterAsync<ShardStartedRequest, ShardStateResponse>(new ShardStartedRequest(copy.Shard, copy.AllocationId, snapshot.PrimaryTerm)).ConfigureAwait(false);
                        return;
                    }
                }
                catch (Exception e) when (e is RemoteCallException or EsException)
                {
                    // Retry below.
                }
            }

            await _time.DelayAsync(RetryDelay).ConfigureAwait(false);
        }
    }
}
