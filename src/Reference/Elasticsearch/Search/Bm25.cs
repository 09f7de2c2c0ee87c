namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// Lucene's BM25Similarity with Elasticsearch's defaults k1 = 1.2, b = 0.75, over one shard's statistics (as ES
/// scores in query_then_fetch; dfs would pool them). In float arithmetic as Lucene 9 does:
/// idf = ln(1 + (docCount − docFreq + 0.5) / (docFreq + 0.5)), weight = boost·idf,
/// score = weight − weight / (1 + freq · 1/(k1·(1 − b + b·dl/avgdl))), avgdl = sumTotalTermFreq / docCount.
/// Difference: Lucene quantises dl into one byte (SmallFloat.intToByte4); here dl is exact, which agrees for
/// short fields (lengths below 40 or so) only.
/// </summary>
public static class Bm25
{
    /// <summary>Term-frequency saturation.</summary>
    public const float K1 = 1.2f;

    /// <summary>Length normalisation.</summary>
    public const float B = 0.75f;

    /// <summary>The score of one term in one document.</summary>
    /// <param name="freq">Occurrences of the term in the document's field.</param>
    /// <param name="fieldLength">The document's field length.</param>
    /// <param name="docFreq">Documents containing the term.</param>
    /// <param name="docCount">Documents with the field.</param>
    /// <param name="sumTotalTermFreq">Sum of all documents' field lengths.</param>
    /// <param name="boost">Query boost.</param>
    public static float Score(int freq, long fieldLength, long docFreq, long docCount, long sumTotalTermFreq, float boost)
    {
        var avgdl = (float)(sumTotalTermFreq / (double)docCount);
        var idf = (float)Math.Log(1 + ((docCount - docFreq + 0.5D) / (docFreq + 0.5D)));
        var weight = boost * idf;
        var normInverse = 1f / (K1 * ((1 - B) + (B * fieldLength / avgdl)));
        return weight - (weight / (1f + (freq * normInverse)));
    }
}
