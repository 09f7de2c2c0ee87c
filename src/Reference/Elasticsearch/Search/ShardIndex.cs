namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// One shard copy's searchable documents: the live documents by id and a small inverted index (field → term →
/// doc ids, with per-document term frequencies and field lengths for BM25), plus numeric values for ranges and sorts.
/// <para>
/// Doc ids stand in for Lucene's segment doc ids, the last tie-breaker of a merge (ELASTICSEARCH.md §5.5): every
/// upsert gets the next id of this copy (Lucene appends the new version of an updated document at the end), so
/// two copies with the same content but another write order may break ties differently, as in Elasticsearch.
/// Changes are visible at once (no refresh interval). Statistics are over live documents only; Lucene also counts
/// deleted documents until segments merge, so scores after deletes can differ slightly.
/// </para>
/// </summary>
public sealed class ShardIndex
{
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, Entry> _byDocId = [];
    private readonly Dictionary<string, Dictionary<string, Dictionary<int, int>>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldStatistics> _statistics = new(StringComparer.Ordinal);
    private int _nextDocId;

    /// <summary>A shard with its own mapping.</summary>
    public ShardIndex()
        : this(new DynamicMapping())
    {
    }

    /// <summary>A shard sharing <paramref name="mapping"/> with the other shards of its index.</summary>
    public ShardIndex(DynamicMapping mapping) => Mapping = mapping;

    /// <summary>The index mapping this shard parses with.</summary>
    public DynamicMapping Mapping { get; }

    /// <summary>Number of live documents.</summary>
    public int Count => _byId.Count;

    /// <summary>The live documents in doc id order.</summary>
    public IEnumerable<StoredDocument> Documents => _byDocId.Values.Select(e => e.Document);

    /// <summary>
    /// Indexes or replaces document <paramref name="id"/>. Bad source (a mapping conflict, malformed JSON) throws
    /// <see cref="SearchException"/> with ES's <c>document_parsing_exception</c> and leaves the shard and mapping unchanged.
    /// </summary>
    public void Upsert(string id, string sourceJson, long seqNo)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(sourceJson);
        var fields = DocumentParser.Parse(Mapping, id, sourceJson);
        Remove(id);
        var entry = new Entry(new StoredDocument(id, sourceJson, seqNo), _nextDocId++, fields);
        _byId[id] = entry;
        _byDocId[entry.DocId] = entry;
        foreach (var (field, values) in fields)
        {
            AddPostings(field, entry.DocId, values);
        }
    }

    /// <summary>Deletes document <paramref name="id"/>; false when it was not there.</summary>
    public bool Remove(string id)
    {
        if (!_byId.Remove(id, out var entry))
        {
            return false;
        }

        _byDocId.Remove(entry.DocId);
        foreach (var (field, values) in entry.Fields)
        {
            RemovePostings(field, entry.DocId, values);
        }

        return true;
    }

    /// <summary>The live document <paramref name="id"/>, or null.</summary>
    public StoredDocument? Get(string id) => _byId.TryGetValue(id, out var entry) ? entry.Document : null;

    internal IEnumerable<Entry> Entries => _byDocId.Values;

    internal Entry? EntryOf(string id) => _byId.GetValueOrDefault(id);

    internal Entry EntryByDocId(int docId) => _byDocId[docId];

    /// <summary>Doc id → frequency of <paramref name="term"/> in <paramref name="field"/>.</summary>
    internal IReadOnlyDictionary<int, int> Postings(string field, string term) =>
        _postings.TryGetValue(field, out var terms) && terms.TryGetValue(term, out var docs) ? docs : Empty;

    /// <summary>All terms of a field (for term ranges).</summary>
    internal IEnumerable<KeyValuePair<string, Dictionary<int, int>>> Terms(string field) =>
        _postings.TryGetValue(field, out var terms) ? terms : [];

    internal FieldStatistics Statistics(string field) => _statistics.GetValueOrDefault(field) ?? new FieldStatistics();

    private static readonly Dictionary<int, int> Empty = [];

    private void AddPostings(string field, int docId, FieldValues values)
    {
        if (values.Terms.Count == 0)
        {
            return;
        }

        if (!_postings.TryGetValue(field, out var terms))
        {
            terms = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
            _postings[field] = terms;
        }

        foreach (var term in values.Terms)
        {
            if (!terms.TryGetValue(term, out var docs))
            {
                docs = [];
                terms[term] = docs;
            }

            docs[docId] = docs.GetValueOrDefault(docId) + 1;
        }

        var statistics = _statistics.TryGetValue(field, out var s) ? s : _statistics[field] = new FieldStatistics();
        statistics.DocCount++;
        statistics.SumTotalTermFreq += Length(values);
    }

    private void RemovePostings(string field, int docId, FieldValues values)
    {
        if (values.Terms.Count == 0)
        {
            return;
        }

        var terms = _postings[field];
        foreach (var term in values.Terms.Distinct(StringComparer.Ordinal))
        {
            var docs = terms[term];
            docs.Remove(docId);
            if (docs.Count == 0)
            {
                terms.Remove(term);
            }
        }

        var statistics = _statistics[field];
        statistics.DocCount--;
        statistics.SumTotalTermFreq -= Length(values);
    }

    /// <summary>
    /// The field length BM25 normalises by: the token count for text; for keyword and boolean fields (norms off,
    /// index_options docs) the number of distinct values, as Lucene sets totalTermFreq = docFreq for DOCS-only fields.
    /// </summary>
    internal static long Length(FieldValues values) =>
        values.Type == FieldType.Text ? values.Terms.Count : values.Terms.Distinct(StringComparer.Ordinal).Count();

    internal sealed record Entry(StoredDocument Document, int DocId, Dictionary<string, FieldValues> Fields);

    internal sealed class FieldStatistics
    {
        /// <summary>Documents with at least one term in the field (Lucene Terms.getDocCount).</summary>
        public long DocCount { get; set; }

        /// <summary>Sum of field lengths (Lucene Terms.getSumTotalTermFreq).</summary>
        public long SumTotalTermFreq { get; set; }
    }
}
