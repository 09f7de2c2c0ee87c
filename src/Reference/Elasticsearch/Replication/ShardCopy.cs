using Verified.Reference.Elasticsearch.Cluster;
using Verified.Reference.Elasticsearch.Search;

namespace Verified.Reference.Elasticsearch.Replication;

/// <summary>
/// One copy of a shard on a data node: its translog (one slot per sequence number), its primary term, its local and
/// global checkpoints, and — while it is the primary — the local checkpoints of the copies it replicates to.
/// Documents are the translog folded in seq_no order, so the last operation on an id by seq_no wins whatever order
/// operations arrived in (FM ReplicaEngine.tla; ES InternalEngine plans).
/// </summary>
public sealed partial class ShardCopy
{
    private readonly SortedDictionary<long, TranslogEntry> _translog = [];
    private readonly Dictionary<string, long> _checkpoints = new(StringComparer.Ordinal);
    private readonly SearchFaults _searchFaults;

    /// <summary>
    /// A copy of <paramref name="shard"/> with <paramref name="allocationId"/>, knowing primary term <paramref name="term"/>;
    /// its search index parses with <paramref name="index"/>'s shared mapping (its own one when null).
    /// </summary>
    public ShardCopy(ShardId shard, string allocationId, long term, IndexMetadata? index = null)
    {
        Shard = shard;
        AllocationId = allocationId;
        Term = term;
        Search = new ShardIndex(index?.Mapping ?? new DynamicMapping());
        _searchFaults = index?.SearchFaults ?? SearchFaults.None;
    }

    /// <summary>
    /// The copy's searchable documents, kept in step with <see cref="Documents"/> on every store and trim: each
    /// changed id is re-read from the translog fold and upserted (a new version) or removed.
    /// </summary>
    public ShardIndex Search { get; }

    /// <summary>The shard.</summary>
    public ShardId Shard { get; }

    /// <summary>This copy's allocation id.</summary>
    public string AllocationId { get; }

    /// <summary>The highest primary term this copy has seen; operations under an older one are rejected.</summary>
    public long Term { get; private set; }

    /// <summary>Whether this copy acts as the primary (set when it applies a cluster state naming it primary).</summary>
    public bool IsPrimary { get; internal set; }

    /// <summary>Set when the primary learnt from the master that it was demoted: it never acknowledges again.</summary>
    public bool Failed { get; internal set; }

    /// <summary>Highest seq_no with every seq_no at or below it processed and confirmed; -1 when none (ES NO_OPS_PERFORMED).</summary>
    public long LocalCheckpoint { get; private set; } = -1;

    /// <summary>The global checkpoint this copy knows: every in-sync copy has processed every seq_no at or below it.</summary>
    public long GlobalCheckpoint { get; private set; } = -1;

    /// <summary>The highest seq_no in the translog, or -1.</summary>
    public long MaxSeqNo => _translog.Count == 0 ? -1 : _translog.Keys.Max();

    /// <summary>The translog, in seq_no order.</summary>
    public IReadOnlyList<TranslogEntry> Translog => [.. _translog.Values];

    /// <summary>The entry at <paramref name="seqNo"/>, or null.</summary>
    public TranslogEntry? EntryAt(long seqNo) => _translog.GetValueOrDefault(seqNo);

    /// <summary>The document <paramref name="id"/> as this copy holds it, or null when absent or deleted.</summary>
    public StoredDocument? Get(string id)
    {
        StoredDocument? doc = null;
        var version = 0L;
        foreach (var op in _translog.Values.Select(e => e.Op).Where(o => o.Kind != OperationKind.NoOp && o.Id == id))
        {
            version++;
            doc = op.Kind == OperationKind.Index ? new StoredDocument(id, op.Source!, op.SeqNo, op.Term, version) : null;
        }

        return doc;
    }

    /// <summary>The number of index and delete operations on <paramref name="id"/> so far (the next <c>_version</c> minus one).</summary>
    public long VersionOf(string id) => _translog.Values.Count(e => e.Op.Kind != OperationKind.NoOp && e.Op.Id == id);

    /// <summary>Every live document, by id.</summary>
    public IReadOnlyDictionary<string, StoredDocument> Documents()
    {
        var ids = _translog.Values.Where(e => e.Op.Kind != OperationKind.NoOp).Select(e => e.Op.Id).Distinct(StringComparer.Ordinal);
        return ids.Select(Get).OfType<StoredDocument>().ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// Takes a newer primary term: entries above the global checkpoint become pending until the new primary's
    /// resync confirms, replaces or trims them (FM replication.tla; ES IndexShard rolls back to the global checkpoint).
    /// </summary>
    public void AdoptTerm(long term)
    {
        if (term <= Term)
        {
            return;
        }

        Term = term;
        foreach (var seq in _translog.Keys.Where(s => s > GlobalCheckpoint).ToList())
        {
            _translog[seq] = _translog[seq] with { Pending = true };
        }

        RecomputeLocalCheckpoint();
    }

    /// <summary>
    /// Stores <paramref name="op"/> in its slot. An occupied slot is replaced only by an operation of a newer term (or
    /// confirmed by the same one): a resync from a new primary overrides what the demoted primary left.
    /// </summary>
    public void Store(Operation op)
    {
        if (_translog.TryGetValue(op.SeqNo, out var existing) && existing.Op.Term > op.Term)
        {
            return;
        }

        _translog[op.SeqNo] = new TranslogEntry(op, Pending: false);
        Reindex(op.Id);
        if (existing is not null && existing.Op.Id != op.Id)
        {
            Reindex(existing.Op.Id);
        }

        if (op.SeqNo == LocalCheckpoint + 1)
        {
            AdvanceLocalCheckpoint();
        }
        else if (existing is { Pending: true })
        {
            RecomputeLocalCheckpoint();
        }
    }

    /// <summary>Raises the known global checkpoint to <paramref name="globalCheckpoint"/> (never lowers it).</summary>
    public void UpdateGlobalCheckpoint(long globalCheckpoint) => GlobalCheckpoint = Math.Max(GlobalCheckpoint, globalCheckpoint);

    /// <summary>
    /// Removes entries above <paramref name="maxSeqNo"/> whose term is older than <paramref name="term"/>: the new
    /// primary never had them (ES Translog.trimOperations; FM <c>TrimTranslog</c>).
    /// </summary>
    public void Trim(long maxSeqNo, long term)
    {
        foreach (var seq in _translog.Where(e => e.Key > maxSeqNo && e.Value.Op.Term < term).Select(e => e.Key).ToList())
        {
            _translog.Remove(seq, out var removed);
            Reindex(removed!.Op.Id);
        }

        RecomputeLocalCheckpoint();
    }

    /// <summary>Clears the pending mark of entries at or below <paramref name="seqNo"/>: the global checkpoint vouches for them.</summary>
    public void ConfirmUpTo(long seqNo)
    {
        var pending = _translog.Where(e => e.Key <= seqNo && e.Value.Pending).Select(e => e.Key).ToList();
        foreach (var seq in pending)
        {
            _translog[seq] = _translog[seq] with { Pending = false };
        }

        if (pending.Count > 0)
        {
            RecomputeLocalCheckpoint();
        }
    }

    /// <summary>Operations above <paramref name="seqNo"/>, in order.</summary>
    public IReadOnlyList<Operation> OperationsAbove(long seqNo) => [.. _translog.Where(e => e.Key > seqNo).Select(e => e.Value.Op)];

    /// <summary>
    /// Brings document <paramref name="id"/> of <see cref="Search"/> in line with the translog fold: removed when
    /// absent or deleted, re-indexed when the operation that wrote it changed. The primary checked the source
    /// against the shared mapping before assigning a seq_no, and mappings only grow, so this parse succeeds.
    /// </summary>
    private void Reindex(string id)
    {
        if (id.Length == 0 || (!IsPrimary && _searchFaults.HasFlag(SearchFaults.ReplicaApplySkipsSearchIndex)))
        {
            return;
        }

        if (Get(id) is not { } doc)
        {
            Search.Remove(id);
        }
        else if (Search.Get(id)?.SeqNo != doc.SeqNo)
        {
            Search.Upsert(id, doc.Source, doc.SeqNo);
        }
    }

    private void AdvanceLocalCheckpoint()
    {
        while (_translog.TryGetValue(LocalCheckpoint + 1, out var next) && !next.Pending)
        {
            LocalCheckpoint++;
        }
    }

    private void RecomputeLocalCheckpoint()
    {
        LocalCheckpoint = -1;
        AdvanceLocalCheckpoint();
    }
}
