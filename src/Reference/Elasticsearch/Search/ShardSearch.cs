namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// The query phase on one shard copy (ES SearchService.executeQueryPhase): validate the window and the sort, run
/// the query, count every match, keep the best from+size hits with their sort values. Failures throw
/// <see cref="SearchException"/> with the shard-level error the coordinator reports in <c>_shards.failures</c>.
/// Nothing here measures time: callers may benchmark it directly.
/// </summary>
public static class ShardSearch
{
    /// <summary>index.max_result_window default.</summary>
    public const int DefaultMaxResultWindow = 10_000;

    /// <summary>Runs <paramref name="request"/> on <paramref name="shard"/>.</summary>
    public static ShardQueryResult Query(
        ShardIndex shard,
        SearchRequest request,
        int shardIndex = 0,
        int shardId = 0,
        string index = "index",
        string nodeId = "node",
        int maxResultWindow = DefaultMaxResultWindow) =>
        Query(shard, request, shardIndex, shardId, index, nodeId, maxResultWindow, SearchFaults.None);

    internal static ShardQueryResult Query(
        ShardIndex shard,
        SearchRequest request,
        int shardIndex,
        int shardId,
        string index,
        string nodeId,
        int maxResultWindow,
        SearchFaults faults)
    {
        var window = (long)request.From + request.Size;
        if (window > maxResultWindow)
        {
            // ES DefaultSearchContext.preProcess.
            throw SearchException.IllegalArgument(
                $"Result window is too large, from + size must be less than or equal to: [{maxResultWindow}] but was [{window}]. "
                + "See the scroll api for a more efficient way to request large data sets. "
                + "This limit can be set by changing the [index.max_result_window] index level setting.");
        }

        var keys = request.EffectiveSort;
        foreach (var key in keys)
        {
            ValidateSortField(shard, key.Field, index);
        }

        var matches = new QueryEvaluator(shard, faults).Evaluate(request.Query);
        var tracksScores = keys.Any(k => k.IsScore);
        var hits = new List<ShardHit>(matches.Count);
        foreach (var (docId, score) in matches)
        {
            var entry = shard.EntryByDocId(docId);
            var values = keys.Select(k => ValueOf(entry, k, score, shard.Mapping.TypeOf(k.Field))).ToArray();
            hits.Add(new ShardHit(shardIndex, docId, tracksScores ? score : float.NaN, values, entry.Document));
        }

        hits.Sort(HitOrder.For(keys));
        var skip = (faults & SearchFaults.FromAppliedPerShard) != 0 ? request.From : 0;
        var top = hits.Skip(skip).Take((int)window).ToList();
        return new ShardQueryResult(shardIndex, shardId, index, nodeId, matches.Count, top);
    }

    private static void ValidateSortField(ShardIndex shard, string field, string index)
    {
        if (field is "_score" or "_doc")
        {
            return;
        }

        switch (shard.Mapping.TypeOf(field))
        {
            case null or FieldType.Object:
                throw new SearchException(new ElasticsearchError("query_shard_exception", $"No mapping found for [{field}] in order to sort on", 400));
            case FieldType.Text:
                // ES TextFieldMapper.fielddataBuilder.
                throw SearchException.IllegalArgument(
                    $"Fielddata is disabled on [{field}] in [{index}]. Text fields are not optimised for operations that require per-document "
                    + "field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field "
                    + $"instead. Alternatively, set fielddata=true on [{field}] in order to load field data by uninverting the inverted "
                    + "index. Note that this can use significant memory.");
        }
    }

    /// <summary>The sort value of a document for one key: multi-valued fields give their min ascending, max descending.</summary>
    private static SortValue ValueOf(ShardIndex.Entry entry, SortField key, float score, FieldType? mapped)
    {
        if (key.IsScore)
        {
            return new SortValue(SortValueKind.Score, score, null, false, key.Descending);
        }

        if (key.IsDoc)
        {
            return new SortValue(SortValueKind.Doc, entry.DocId, null, false, key.Descending);
        }

        entry.Fields.TryGetValue(key.Field, out var values);
        switch (values?.Type)
        {
            case FieldType.Keyword:
                var terms = values.Terms;
                if (terms.Count == 0)
                {
                    break;
                }

                var ordered = terms.Order(Utf8Order.Instance);
                return new SortValue(SortValueKind.Keyword, 0, key.Descending ? ordered.Last() : ordered.First(), false, key.Descending);
            case FieldType.Long or FieldType.Float or FieldType.Boolean when values.Numbers.Count > 0:
                var kind = values.Type == FieldType.Float ? SortValueKind.Float : SortValueKind.Long;
                return new SortValue(kind, key.Descending ? values.Numbers.Max() : values.Numbers.Min(), null, false, key.Descending);
        }

        var missingKind = mapped switch
        {
            FieldType.Keyword => SortValueKind.Keyword,
            FieldType.Float => SortValueKind.Float,
            _ => SortValueKind.Long,
        };
        return new SortValue(missingKind, 0, null, true, key.Descending);
    }
}
