namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// The order of hits, on a shard and in the coordinator's merge (ES SearchPhaseController → Lucene TopDocs.merge):
/// the sort keys in turn, then shard index ascending, then doc id ascending (ELASTICSEARCH.md §5.5).
/// </summary>
internal static class HitOrder
{
    public static Comparison<ShardHit> For(IReadOnlyList<SortField> keys, SearchFaults faults = SearchFaults.None) => (a, b) =>
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var c = SortValue.Compare(a.SortValues[i], b.SortValues[i], keys[i]);
            if (c != 0)
            {
                return c;
            }
        }

        if ((faults & SearchFaults.MergeIgnoresShardIndexOnTies) == 0)
        {
            var s = a.ShardIndex.CompareTo(b.ShardIndex);
            if (s != 0)
            {
                return s;
            }
        }

        return a.DocId.CompareTo(b.DocId);
    };
}
