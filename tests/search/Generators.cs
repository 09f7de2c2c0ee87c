using FsCheck;
using FsCheck.Fluent;

namespace Verified.Search.Tests;

/// <summary>One write of a generated history: upsert a document or delete an id, on one shard.</summary>
public sealed record Write(int Shard, Doc Doc, bool Delete)
{
    public override string ToString() => Delete ? $"s{Shard} DELETE {Doc.Id}" : $"s{Shard} PUT {Doc}";
}

/// <summary>A generated search case: shards, the write history, the request body (as JSON) and the query the model evaluates.</summary>
public sealed record SearchCase(int Shards, Write[] History, Q Query, string SortField, bool Descending, int From, int Size, bool[] FailedShards)
{
    public string Body(int from, int size) =>
        $"{{\"query\":{Query.Json()},\"from\":{from},\"size\":{size}{SortJson()}}}";

    public string SortJson() => SortField == "_score" ? string.Empty : $",\"sort\":[{{\"{SortField}\":\"{(Descending ? "desc" : "asc")}\"}}]";

    public override string ToString() =>
        $"shards={Shards} failed=[{string.Join(",", FailedShards)}]\nbody={Body(From, Size)}\nhistory:\n  {string.Join("\n  ", History.Select(w => w.ToString()))}";
}

/// <summary>Generators: small vocabularies so that matches, ties and duplicates are frequent.</summary>
public static class Generators
{
    private static readonly string[] Tags = ["red", "blue", "green tea", "Red", "blue-green"];
    private static readonly string[] Words = ["quick", "brown", "fox", "dog", "lazy", "the", "Fox"];
    private static readonly float[] Prices = [0.5f, 1.25f, 2.5f, 3.75f];
    private static readonly string[] Ids = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (4, gen.Select(v => (T?)v)));

    private static Gen<T?> MaybeValue<T>(Gen<T> gen) where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (4, gen.Select(v => (T?)v)));

    public static Gen<Doc> Doc(string id) =>
        from tag in Maybe(Gen.Elements(Tags))
        from body in Maybe(Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(Gen.Elements(Words), n)).Select(ws => string.Join(" ", ws) + "."))
        from n in MaybeValue(Gen.Choose(0, 4).Select(v => (long)v))
        from nums in Maybe(Gen.Choose(0, 3).SelectMany(c => Gen.ArrayOf(Gen.Choose(0, 9).Select(v => (long)v), c)))
        from price in MaybeValue(Gen.Elements(Prices))
        from flag in MaybeValue(Gen.Elements(true, false))
        from metaK in Maybe(Gen.Elements("x", "y", "x y"))
        select new Doc(id, tag, body, n, nums, price, flag, metaK);

    /// <summary>A write; the id decides the shard (as routing would), shifted by a per-case salt.</summary>
    public static Gen<Write> Write(int shards, int salt) =>
        from id in Gen.Elements(Ids)
        let shard = (Array.IndexOf(Ids, id) + salt) % shards
        from delete in Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)))
        from doc in Doc(id)
        select new Write(shard, doc, delete);

    public static Gen<Q> Leaf() => Gen.OneOf(
        Gen.Constant<Q>(new QMatchAll()),
        from field in Gen.Elements("tag", "body", "meta.k", "tag.keyword")
        from text in field == "tag.keyword" ? Gen.Elements(Tags) : Gen.Elements("red", "fox", "quick dog", "x", "BLUE green", "lazy the", "tea", "the fox red x")
        from and in Gen.Elements(true, false)
        select (Q)new QMatch(field, text, and),
        Gen.OneOf(
            Gen.Elements(Tags).Select(v => (Q)new QTerm("tag.keyword", v, true)),
            Gen.Elements("red", "green", "tea").Select(v => (Q)new QTerm("tag", v, true)),
            Gen.Choose(0, 4).Select(v => (Q)new QTerm("n", v.ToString(System.Globalization.CultureInfo.InvariantCulture), false)),
            Gen.Choose(0, 9).Select(v => (Q)new QTerm("nums", v.ToString(System.Globalization.CultureInfo.InvariantCulture), false)),
            Gen.Elements("true", "false").Select(v => (Q)new QTerm("flag", v, false)),
            Gen.Elements("x", "x y").Select(v => (Q)new QTerm("meta.k.keyword", v, true))),
        from field in Gen.Elements("n", "nums", "price", "tag.keyword")
        from op1 in Gen.Elements("gt", "gte", "lt", "lte")
        from op2 in Gen.Elements<string?>(null, "lt", "lte")
        from v1 in Bound(field)
        from v2 in Bound(field)
        select (Q)new QRange(field, op1.StartsWith('g') || op2 is null ? op1 : "gte", v1, op1.StartsWith('g') ? op2 : null, v2, field == "tag.keyword"),
        Gen.Choose(0, 3).SelectMany(c => Gen.ArrayOf(Gen.Elements(Ids), c)).Select(ids => (Q)new QIds(ids)));

    private static Gen<string> Bound(string field) => field switch
    {
        "price" => Gen.Elements("1.25", "2.5", "0.5"),
        "tag.keyword" => Gen.Elements(Tags),
        _ => Gen.Choose(0, 9).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    public static Gen<Q> Query(int depth) => depth == 0
        ? Leaf()
        : Gen.Frequency(
            (2, Leaf()),
            (3, from must in Clauses(depth)
                from filter in Clauses(depth)
                from should in Clauses(depth)
                from mustNot in Clauses(depth)
                from msm in Gen.Elements<int?>(null, null, null, 0, 1, 2, -1)
                select (Q)new QBool(must, filter, should, mustNot, msm)));

    private static Gen<Q[]> Clauses(int depth) =>
        Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2))).SelectMany(c => Gen.ArrayOf(Query(depth - 1), c));

    public static Gen<SearchCase> Case(int minShards = 1, int maxShards = 4, bool failures = false) =>
        from shards in Gen.Choose(minShards, maxShards)
        from salt in Gen.Choose(0, 9)
        from count in Gen.Frequency((1, Gen.Choose(0, 3)), (6, Gen.Choose(4, 30)))
        from history in Gen.ArrayOf(Write(shards, salt), count)
        from query in Query(2)
        from sort in Gen.Elements("_score", "n", "nums", "price", "tag.keyword", "_doc")
        from desc in Gen.Elements(true, false)
        from window in Gen.Choose(0, 12)
        from size in Gen.Choose(0, 12)
        from failed in failures ? Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false))), shards) : Gen.Constant(new bool[shards])
        select new SearchCase(shards, history, query, sort, desc, window, size, failed);
}
