using Verified.Reference.Elasticsearch.Replication;

namespace Verified.Reference.Elasticsearch.Cluster;

public sealed partial class Master
{
    /// <summary>
    /// Handles shard-failed (ES ShardStateAction.ShardFailedClusterStateTaskExecutor): a report from a primary
    /// (term &gt; 0) under a term that is no longer current is refused with NoLongerPrimaryShardException, so a demoted
    /// primary never acknowledges; an unknown copy that is still in sync is marked stale; otherwise the copy fails.
    /// The answer comes only after the new state is committed here, which is what lets a primary ack without it.
    /// </summary>
    private ShardStateResponse ShardFailed(ShardFailedRequest request)
    {
        if (!State.Indices.TryGetValue(request.Shard.Index, out var meta))
        {
            return new ShardStateResponse(State.Version);
        }

        var current = meta.PrimaryTerms[request.Shard.Shard];
        if (request.PrimaryTerm > 0 && request.PrimaryTerm != current)
        {
            throw new EsException(EsError.NoLongerPrimary(request.PrimaryTerm, current));
        }

        var copy = State.Copy(request.Shard, request.AllocationId);
        if (copy is null)
        {
            var inSync = meta.InSync[request.Shard.Shard];
            if (request.PrimaryTerm > 0 && inSync.Contains(request.AllocationId) && inSync.Count > 1)
            {
                Commit(WithInSync(State, request.Shard, inSync.Remove(request.AllocationId)));
            }

            return new ShardStateResponse(State.Version);
        }

        Commit(FailCopy(State, copy, request.Reason));
        return new ShardStateResponse(State.Version);
    }

    /// <summary>
    /// Fails one copy (ES RoutingNodes.failShard + IndexMetadataUpdater): it becomes UNASSIGNED and leaves the in-sync
    /// set; a failed active primary is replaced by an in-sync STARTED replica under term + 1, or, when none exists,
    /// the shard goes red and keeps the primary's id in sync (the in-sync set never empties).
    /// </summary>
    private ClusterState FailCopy(ClusterState state, ShardRouting copy, string reason)
    {
        _ = reason;
        var shard = copy.Shard;
        var copies = state.Copies(shard);
        var inSync = state.InSync(shard);
        var unassigned = copy with { AllocationId = "", Node = null, Primary = false, State = ShardCopyState.Move(copy.State, ShardCopyState.Unassigned) };
        if (!copy.Primary)
        {
            state = Replace(state, copy, unassigned);
            return inSync.Contains(copy.AllocationId) && inSync.Count > 1 ? WithInSync(state, shard, inSync.Remove(copy.AllocationId)) : state;
        }

        var candidate = Faults.HasFlag(ReplicationFaults.PromoteOutOfSync)
            ? copies.LastOrDefault(c => !c.Primary && c.Assigned)
            : copies.FirstOrDefault(c => !c.Primary && c.Assigned && c.State == ShardCopyState.Started && inSync.Contains(c.AllocationId));
        if (candidate is null)
        {
            // Red: no copy to promote. Initializing replicas cannot recover from anyone and fail too.
            state = Replace(state, copy, unassigned with { Primary = true });
            foreach (var replica in state.Copies(shard).Where(c => !c.Primary && c.Assigned).ToList())
            {
                state = Replace(state, replica, replica with { AllocationId = "", Node = null, State = ShardCopyState.Move(replica.State, ShardCopyState.Unassigned) });
            }

            if (Faults.HasFlag(ReplicationFaults.TermResetWhenRed))
            {
                state = WithTerm(state, shard, 0);
            }

            return Faults.HasFlag(ReplicationFaults.LastInSyncRemoved) ? WithInSync(state, shard, inSync.Remove(copy.AllocationId)) : state;
        }

        state = Replace(state, copy, unassigned);
        var promoted = candidate with { Primary = true };
        if (promoted.State == ShardCopyState.Initializing)
        {
            // Only under the PromoteOutOfSync seeded bug: a recovering copy is declared started and serves as primary.
            promoted = promoted with { State = ShardCopyState.Move(promoted.State, ShardCopyState.Started) };
        }

        state = Replace(state, candidate, promoted);
        foreach (var recovering in state.Copies(shard).Where(c => !c.Primary && c.State == ShardCopyState.Initializing).ToList())
        {
            // They were recovering from the failed primary (ES fails them with it); a reroute allocates them again.
            state = Replace(state, recovering, recovering with { AllocationId = "", Node = null, State = ShardCopyState.Move(recovering.State, ShardCopyState.Unassigned) });
        }

        state = WithTerm(state, shard, state.Term(shard) + (Faults.HasFlag(ReplicationFaults.PromotionWithoutTermBump) ? 0 : 1));
        var remaining = inSync.Remove(copy.AllocationId);
        return WithInSync(state, shard, remaining.Count > 0 ? remaining : inSync);
    }
}
