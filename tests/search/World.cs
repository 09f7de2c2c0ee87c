using Verified.Reference.Elasticsearch.Search;

namespace Verified.Search.Tests;

/// <summary>
/// The implementation's shards after a history, and the model's view of the same history: per shard, the live
/// documents with the doc id each got (the next number per upsert, counted independently of the implementation).
/// </summary>
public sealed class World
{
    public const string Index = "idx";

    private World(ShardIndex[] shards, Dictionary<string, (Doc Doc, int DocId)>[] model)
    {
        Shards = shards;
        Model = model;
    }

    public ShardIndex[] Shards { get; }

    public Dictionary<string, (Doc Doc, int DocId)>[] Model { get; }

    public static World Build(int shardCount, IEnumerable<Write> history)
    {
        var mapping = new DynamicMapping();
        var shards = Enumerable.Range(0, shardCount).Select(_ => new ShardIndex(mapping)).ToArray();
        var model = Enumerable.Range(0, shardCount).Select(_ => new Dictionary<string, (Doc, int)>()).ToArray();
        var counters = new int[shardCount];
        var seqNo = 0L;
        foreach (var write in history)
        {
            if (write.Delete)
            {
                shards[write.Shard].Remove(write.Doc.Id);
                model[write.Shard].Remove(write.Doc.Id);
            }
            else
            {
                shards[write.Shard].Upsert(write.Doc.Id, write.Doc.Json(), seqNo++);
                model[write.Shard][write.Doc.Id] = (write.Doc, counters[write.Shard]++);
            }
        }

        return new World(shards, model);
    }

    /// <summary>The search targets: one copy per shard, or none for a failed shard.</summary>
    public IReadOnlyList<SearchShard> Targets(bool[] failed) =>
        Shards.Select((s, i) => new SearchShard(Index, i, failed[i] ? [] : [SearchCopy.Available("node-" + i, s)])).ToList();

    /// <summary>The model's hits, in the merge order for a field or _doc sort (score sorts get only the set).</summary>
    public List<(int Shard, int DocId, string Id)> Expected(Q query, string sortField, bool descending, bool[] failed)
    {
        var hits = Model.SelectMany((docs, shard) => failed[shard]
                ? []
                : docs.Values.Where(v => global::Verified.Search.Tests.Model.Matches(query, v.Doc)).Select(v => (shard, v.DocId, v.Doc)))
            .ToList();
        if (sortField != "_score")
        {
            hits.Sort((a, b) =>
            {
                int c;
                if (sortField == "_doc")
                {
                    c = descending ? b.DocId.CompareTo(a.DocId) : a.DocId.CompareTo(b.DocId);
                }
                else
                {
                    var ka = global::Verified.Search.Tests.Model.SortKey(sortField, descending, a.Doc);
                    var kb = global::Verified.Search.Tests.Model.SortKey(sortField, descending, b.Doc);
                    if (ka.Missing || kb.Missing)
                    {
                        c = ka.Missing == kb.Missing ? 0 : ka.Missing ? 1 : -1;
                    }
                    else
                    {
                        c = ka.Text is not null ? string.CompareOrdinal(ka.Text, kb.Text) : ka.Number.CompareTo(kb.Number);
                        c = descending ? -c : c;
                    }
                }

                return c != 0 ? c : a.shard != b.shard ? a.shard.CompareTo(b.shard) : a.DocId.CompareTo(b.DocId);
            });
        }

        return hits.Select(h => (h.shard, h.DocId, h.Doc.Id)).ToList();
    }
}
