using Verified.Reference.Elasticsearch.Cluster;
using Verified.Reference.Elasticsearch.Replication;

namespace Verified.Conformance.Elasticsearch;

/// <summary>
/// Checks the §4 invariants on a simulated cluster and its recorded client writes. <see cref="CheckStep"/> runs after
/// every step; <see cref="CheckQuiet"/> once faults stopped and everything was delivered. Each violation is a line
/// starting with the invariant's name (<see cref="EsInvariants"/>).
/// </summary>
public static class EsChecker
{
    /// <summary>The invariants that hold at every instant.</summary>
    public static List<string> CheckStep(EsCluster cluster, IReadOnlyList<EsWrite> writes)
    {
        var violations = new List<string>();
        var master = cluster.Master.State;
        foreach (var shard in master.AllShards())
        {
            var active = ActiveCopies(cluster, master, shard);
            foreach (var write in writes.Where(w => w.Acked is not null && ShardOf(master, w) == shard))
            {
                var op = write.Acked!;
                foreach (var (node, copy) in active)
                {
                    var entry = copy.EntryAt(op.SeqNo);
                    if (entry is null || entry.Op.Term != op.Term || entry.Op.Id != op.Id || entry.Op.Kind != op.Kind)
                    {
                        violations.Add($"{EsInvariants.AllAckedResponsesStored}: {write} is not at seq {op.SeqNo} on active copy {copy.AllocationId}@{node} (has {entry?.Op.ToString() ?? "nothing"})");
                    }
                }
            }

            foreach (var (nodeA, a) in active)
            {
                foreach (var (nodeB, b) in active.Where(x => x.Copy != a))
                {
                    for (var seq = 0L; seq <= a.GlobalCheckpoint; seq++)
                    {
                        if (a.EntryAt(seq)?.Op != b.EntryAt(seq)?.Op)
                        {
                            violations.Add($"{EsInvariants.PrefixAgreement}: {shard} seq {seq} ≤ gcp {a.GlobalCheckpoint} of {a.AllocationId}@{nodeA}: {a.EntryAt(seq)?.Op} vs {b.EntryAt(seq)?.Op} on {b.AllocationId}@{nodeB}");
                            break;
                        }
                    }
                }
            }
        }

        foreach (var name in cluster.NodeNames)
        {
            foreach (var copy in cluster.Node(name)?.Copies.Values ?? [])
            {
                // Only started copies: a recovering copy may learn the global checkpoint before its snapshot arrives
                // (ES allows a recovering replica's global checkpoint to run ahead of its local one).
                var routed = master.Copy(copy.Shard, copy.AllocationId);
                if (routed is { Active: true } && routed.Node == name && copy.GlobalCheckpoint > copy.LocalCheckpoint)
                {
                    violations.Add($"{EsInvariants.GlobalBelowLocal}: {copy.AllocationId}@{name} gcp {copy.GlobalCheckpoint} > lcp {copy.LocalCheckpoint}");
                }

                if (copy.IsPrimary && !copy.Failed && copy.LocalCheckpoint != copy.MaxSeqNo)
                {
                    violations.Add($"{EsInvariants.NoHolesOnPrimary}: primary {copy.AllocationId}@{name} lcp {copy.LocalCheckpoint} ≠ max seq_no {copy.MaxSeqNo}");
                }
            }
        }

        violations.AddRange(CheckMasterHistory(cluster.Master.History));
        foreach (var accept in cluster.ReplicaAccepts.Where(a => a.RequestTerm < a.CopyTerm))
        {
            violations.Add($"{EsInvariants.ReplicasRejectOlderTerms}: {accept.AllocationId}@{accept.Node} at term {accept.CopyTerm} accepted a request under term {accept.RequestTerm}");
        }

        return violations;
    }

    /// <summary>After quiet-down: every active copy of a shard holds the same translog (pending marks ignored).</summary>
    public static List<string> CheckQuiet(EsCluster cluster)
    {
        var violations = new List<string>();
        var master = cluster.Master.State;
        foreach (var shard in master.AllShards())
        {
            var active = ActiveCopies(cluster, master, shard);
            foreach (var (node, copy) in active.Skip(1))
            {
                var first = active[0];
                var x = string.Join(",", first.Copy.Translog.Select(e => e.Op));
                var y = string.Join(",", copy.Translog.Select(e => e.Op));
                if (x != y)
                {
                    violations.Add($"{EsInvariants.Convergence}: {shard} {first.Copy.AllocationId}@{first.Node} [{x}] ≠ {copy.AllocationId}@{node} [{y}]");
                }
            }
        }

        return violations;
    }

    /// <summary>Invariants over the master's committed states: one primary per term, rising terms, in-sync rules.</summary>
    public static IEnumerable<string> CheckMasterHistory(IReadOnlyList<ClusterState> history)
    {
        var primaries = new Dictionary<(ShardId, long), string>();
        for (var i = 0; i < history.Count; i++)
        {
            var state = history[i];
            foreach (var shard in state.AllShards())
            {
                var term = state.Term(shard);
                var inSync = state.InSync(shard);
                if (state.Primary(shard) is { Assigned: true } primary)
                {
                    if (primaries.TryGetValue((shard, term), out var other) && other != primary.AllocationId)
                    {
                        yield return $"{EsInvariants.OnePrimaryPerTerm}: {shard} term {term} has primaries {other} and {primary.AllocationId} (state v{state.Version})";
                    }

                    primaries[(shard, term)] = primary.AllocationId;
                }

                if (i == 0 || !history[i - 1].Indices.ContainsKey(shard.Index))
                {
                    continue;
                }

                var before = history[i - 1];
                var previousTerm = before.Term(shard);
                var previousPrimary = before.Primary(shard);
                if (term < previousTerm)
                {
                    yield return $"{EsInvariants.TermsIncrease}: {shard} term went from {previousTerm} to {term} (state v{state.Version})";
                }

                if (state.Primary(shard) is { Assigned: true } now && previousPrimary is { Assigned: true } && now.AllocationId != previousPrimary.AllocationId)
                {
                    if (term <= previousTerm)
                    {
                        yield return $"{EsInvariants.TermsIncrease}: {shard} primary moved to {now.AllocationId} without a term bump (term {term}, state v{state.Version})";
                    }

                    if (!before.InSync(shard).Contains(now.AllocationId))
                    {
                        yield return $"{EsInvariants.OnlyInSyncPromoted}: {shard} promoted {now.AllocationId}, not in sync [{string.Join(",", before.InSync(shard))}] (state v{state.Version})";
                    }
                }

                if (inSync.IsEmpty && !before.InSync(shard).IsEmpty)
                {
                    yield return $"{EsInvariants.InSyncNeverEmpties}: {shard} in-sync set emptied (state v{state.Version})";
                }
            }
        }
    }

    /// <summary>Copies the master considers active whose node runs and holds them.</summary>
    private static List<(string Node, ShardCopy Copy)> ActiveCopies(EsCluster cluster, ClusterState master, ShardId shard) =>
        [.. master.Copies(shard).Where(c => c.Active && c.Node is not null)
            .Select(c => (Node: c.Node!, Copy: cluster.Node(c.Node!)?.Copies.GetValueOrDefault(c.AllocationId)))
            .Where(x => x.Copy is not null)
            .Select(x => (x.Node, x.Copy!))];

    private static ShardId ShardOf(ClusterState state, EsWrite write) =>
        new(EsHarness.IndexName, state.Indices[EsHarness.IndexName].Routing.ShardId(write.Id, null));
}
