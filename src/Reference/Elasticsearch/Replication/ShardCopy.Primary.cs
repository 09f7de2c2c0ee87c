using Verified.Reference.Elasticsearch.Cluster;
using Verified.Reference.Elasticsearch.Search;

namespace Verified.Reference.Elasticsearch.Replication;

public sealed partial class ShardCopy
{
    /// <summary>Allocation ids of recovering copies this primary replicates to although they are not in sync yet.</summary>
    internal HashSet<string> Tracked { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// On the primary: assigns the next seq_no under the current term and applies the operation locally
    /// (ES ReplicationOperation: the primary applies before it samples the global checkpoint and the group). An
    /// index operation's source is parsed against the index mapping first: a conflict or malformed source throws
    /// <see cref="EsException"/> with ES's <c>document_parsing_exception</c> (400) and no seq_no is used (ES
    /// IndexShard.applyIndexOperationOnPrimary parses before the engine assigns a sequence number).
    /// </summary>
    public Operation AssignAndApply(OperationKind kind, string id, string? source)
    {
        if (kind == OperationKind.Index)
        {
            try
            {
                DocumentParser.Parse(Search.Mapping, id, source ?? "");
            }
            catch (SearchException e)
            {
                throw new EsException(new EsError(e.Error.Type, e.Error.Reason ?? e.Error.Type, e.Error.Status));
            }
        }

        var op = new Operation(MaxSeqNo + 1, Term, kind, id, source);
        Store(op);
        return op;
    }

    /// <summary>On the primary: records the local checkpoint <paramref name="allocationId"/> reported.</summary>
    public void RecordCheckpoint(string allocationId, long localCheckpoint) =>
        _checkpoints[allocationId] = Math.Max(_checkpoints.GetValueOrDefault(allocationId, -1), localCheckpoint);

    /// <summary>
    /// On the primary: the global checkpoint becomes the minimum local checkpoint over <paramref name="inSync"/>; it
    /// stays frozen while an in-sync copy's checkpoint is unknown (ES ReplicationTracker.updateGlobalCheckpointOnPrimary).
    /// </summary>
    public void RecomputeGlobalCheckpoint(IEnumerable<string> inSync)
    {
        var min = long.MaxValue;
        foreach (var id in inSync)
        {
            long lcp;
            if (id == AllocationId)
            {
                lcp = LocalCheckpoint;
            }
            else if (!_checkpoints.TryGetValue(id, out lcp))
            {
                return;
            }

            min = Math.Min(min, lcp);
        }

        if (min != long.MaxValue)
        {
            UpdateGlobalCheckpoint(min);
        }
    }

    /// <summary>
    /// Promotion to primary under <paramref name="term"/>: adopt the term, then fill every gap up to max_seq_no with
    /// no-ops under the new term (ES IndexShard.updateShardState → fillSeqNoGaps). Returns the operations to resync.
    /// </summary>
    public IReadOnlyList<Operation> Promote(long term)
    {
        AdoptTerm(term);
        var max = MaxSeqNo;
        for (var seq = GlobalCheckpoint + 1; seq <= max; seq++)
        {
            if (_translog.TryGetValue(seq, out var entry))
            {
                // Our own pending entries are confirmed: the resync re-sends them with their original term.
                _translog[seq] = entry with { Pending = false };
            }
            else
            {
                _translog[seq] = new TranslogEntry(new Operation(seq, term, OperationKind.NoOp, "", null), Pending: false);
            }
        }

        RecomputeLocalCheckpoint();
        IsPrimary = true;
        _checkpoints.Clear();
        return OperationsAbove(GlobalCheckpoint);
    }
}
