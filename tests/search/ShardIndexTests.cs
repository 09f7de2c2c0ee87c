using Shouldly;
using Verified.Reference.Elasticsearch.Search;
using Xunit;

namespace Verified.Search.Tests;

/// <summary>The shard store: CRUD, dynamic mapping, analysis and mapping conflicts with ES 8.8+ texts.</summary>
public sealed class ShardIndexTests
{
    [Fact]
    public void UpsertGetRemove_TrackLiveDocuments()
    {
        var shard = new ShardIndex();
        shard.Upsert("1", "{\"a\":\"x\"}", 0);
        shard.Upsert("1", "{\"a\":\"y\"}", 3);
        shard.Count.ShouldBe(1);
        shard.Get("1").ShouldBe(new StoredDocument("1", "{\"a\":\"y\"}", 3));
        shard.Remove("1").ShouldBeTrue();
        shard.Remove("1").ShouldBeFalse();
        shard.Get("1").ShouldBeNull();
        shard.Count.ShouldBe(0);
    }

    [Fact]
    public void DynamicMapping_FollowsEsDefaults()
    {
        var shard = new ShardIndex();
        shard.Upsert("1", "{\"s\":\"Hi\",\"l\":5,\"f\":1.5,\"b\":true,\"o\":{\"k\":\"v\"},\"a\":[1,2],\"n\":null,\"d.e\":2}", 0);
        var fields = shard.Mapping.Fields;
        fields["s"].ShouldBe(FieldType.Text);
        fields["s.keyword"].ShouldBe(FieldType.Keyword);
        fields["l"].ShouldBe(FieldType.Long);
        fields["f"].ShouldBe(FieldType.Float);
        fields["b"].ShouldBe(FieldType.Boolean);
        fields["o"].ShouldBe(FieldType.Object);
        fields["o.k"].ShouldBe(FieldType.Text);
        fields["a"].ShouldBe(FieldType.Long);
        fields["d.e"].ShouldBe(FieldType.Long);
        fields.ContainsKey("n").ShouldBeFalse();
    }

    [Theory]
    [InlineData("The QUICK, brown-fox's 2nd!", "the,quick,brown,fox,s,2nd")]
    [InlineData("  ", "")]
    [InlineData("Ünïcode ÉTÉ", "ünïcode,été")]
    public void Analyzer_LowercasesAndSplitsOnNonLettersOrDigits(string text, string tokens) =>
        string.Join(",", StandardAnalyzer.Tokenize(text)).ShouldBe(tokens);

    [Fact]
    public void LongFieldGivenAWord_IsRejectedWithEsText_AndChangesNothing()
    {
        var shard = new ShardIndex();
        shard.Upsert("1", "{\"age\":1}", 0);
        var e = Should.Throw<SearchException>(() => shard.Upsert("2", "{\"age\":\"abc\",\"new\":1}", 1)).Error;
        e.Type.ShouldBe("document_parsing_exception");
        e.Status.ShouldBe(400);
        e.Reason.ShouldBe("[1:8] failed to parse field [age] of type [long] in document with id '2'. Preview of field's value: 'abc'");
        e.CausedBy.ShouldBe(new ElasticsearchError("illegal_argument_exception", "For input string: \"abc\"", 400));
        shard.Count.ShouldBe(1);
        shard.Mapping.TypeOf("new").ShouldBeNull();
    }

    [Fact]
    public void Column_CountsUtf8Bytes_AsJacksonDoes()
    {
        // The shape of a real ES 8 answer ("[1:86] … id '1004'"): three-byte characters before the value.
        var shard = new ShardIndex();
        shard.Upsert("1", "{\"price\":1.5}", 0);
        var source = "{\"goods_id\":\"1004\",\"title\":\"价格非法的商品\",\"category\":\"mobile_phone\",\"price\":\"不是数字\"}";
        var e = Should.Throw<SearchException>(() => shard.Upsert("1004", source, 1)).Error;
        e.Reason.ShouldStartWith("[1:86] failed to parse field [price] of type [float] in document with id '1004'.");
        e.CausedBy!.Type.ShouldBe("number_format_exception");
    }

    [Fact]
    public void ObjectFieldGivenAValue_AndValueFieldGivenAnObject_AreRejected()
    {
        var shard = new ShardIndex();
        shard.Upsert("1", "{\"o\":{\"k\":1},\"t\":\"x\"}", 0);
        Should.Throw<SearchException>(() => shard.Upsert("2", "{\"o\":5}", 1)).Error.Reason
            .ShouldBe("[1:6] object mapping for [o] tried to parse field [o] as object, but found a concrete value");
        Should.Throw<SearchException>(() => shard.Upsert("3", "{\"t\":{\"a\":1}}", 1)).Error.Reason
            .ShouldBe("[1:12] failed to parse field [t] of type [text] in document with id '3'. Preview of field's value: '{a=1}'");
        Should.Throw<SearchException>(() => shard.Upsert("4", "{\"o.k.z\":1}", 1)).Error.Reason
            .ShouldBe("[1:2] Could not dynamically add mapping for field [o.k.z]. Existing mapping for [o.k] must be of type object but found [long].");
    }

    [Fact]
    public void Coercion_TakesNumericStringsAndTruncatesDecimalsForLongs()
    {
        var shard = new ShardIndex();
        shard.Upsert("1", "{\"n\":1}", 0);
        shard.Upsert("2", "{\"n\":\"7\"}", 1);
        shard.Upsert("3", "{\"n\":2.9}", 2);
        var hits = ShardSearch.Query(shard, SearchRequest.Parse("{\"query\":{\"range\":{\"n\":{\"gte\":2,\"lt\":3}}}}")).Hits;
        hits.Select(h => h.Document.Id).ShouldBe(["3"]);
    }

    [Fact]
    public void Keyword_IgnoresValuesLongerThan256()
    {
        var shard = new ShardIndex();
        shard.Upsert("1", $"{{\"s\":\"{new string('a', 257)}\"}}", 0);
        shard.Upsert("2", $"{{\"s\":\"{new string('a', 256)}\"}}", 1);
        var hits = ShardSearch.Query(shard, SearchRequest.Parse("{\"query\":{\"range\":{\"s.keyword\":{\"gte\":\"a\"}}}}")).Hits;
        hits.Select(h => h.Document.Id).ShouldBe(["2"]);
    }

    [Fact]
    public void Bm25_OneDocumentOneTerm_IsLucene9Value()
    {
        // idf = ln(1 + 0.5/1.5) = 0.2876821; tf part 1/(1 + 1.2) → 0.13076457 (Lucene ≥ 8 dropped the (k1+1) factor).
        var shard = new ShardIndex();
        shard.Upsert("1", "{\"t\":\"quick brown fox\"}", 0);
        var hit = ShardSearch.Query(shard, SearchRequest.Parse("{\"query\":{\"match\":{\"t\":\"fox\"}}}")).Hits.ShouldHaveSingleItem();
        hit.Score.ShouldBe(0.13076457f, 1e-7f);
    }

    [Fact]
    public void MoreFrequentTermInShorterField_ScoresHigher()
    {
        var shard = new ShardIndex();
        shard.Upsert("long", "{\"t\":\"fox a b c d e f\"}", 0);
        shard.Upsert("short", "{\"t\":\"fox fox\"}", 1);
        shard.Upsert("none", "{\"t\":\"dog\"}", 2);
        ShardSearch.Query(shard, SearchRequest.Parse("{\"query\":{\"match\":{\"t\":\"fox\"}}}")).Hits
            .Select(h => h.Document.Id).ShouldBe(["short", "long"]);
    }
}
