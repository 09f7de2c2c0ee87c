using System.Globalization;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// Runs a <see cref="Query"/> over one <see cref="ShardIndex"/>: the matching doc ids with their scores, with
/// Lucene's semantics (a multi-valued field matches when any value does; scores of a boolean combination are the
/// double-precision sum of the clause scores, cast to float). Term-like clauses on text, keyword and boolean fields
/// are BM25-scored (<see cref="Bm25"/>); numeric terms, ranges, ids and match_all score their boost.
/// Clauses on unmapped fields match nothing. A value a field cannot take fails the shard with
/// <c>query_shard_exception</c> <c>failed to create query: …</c> (ES SearchExecutionContext.toQuery).
/// </summary>
internal sealed class QueryEvaluator(ShardIndex shard, SearchFaults faults)
{
    public Dictionary<int, float> Evaluate(Query query) => query switch
    {
        MatchAllQuery q => shard.Entries.ToDictionary(e => e.DocId, _ => q.Boost),
        IdsQuery q => q.Values.Select(shard.EntryOf).OfType<ShardIndex.Entry>().DistinctBy(e => e.DocId).ToDictionary(e => e.DocId, _ => q.Boost),
        TermQuery q => Term(q.Field, q.Value, q.Boost),
        MatchQuery q => Match(q),
        RangeQuery q => Range(q),
        BoolQuery q => Bool(q),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query, "unsupported query"),
    };

    private Dictionary<int, float> Term(string field, string value, float boost)
    {
        switch (shard.Mapping.TypeOf(field))
        {
            case FieldType.Text or FieldType.Keyword:
                return ScoredTerm(field, value, boost);
            case FieldType.Boolean:
                return ScoredTerm(field, BooleanTerm(value), boost);
            case FieldType.Long:
                var l = ParseNumber(value);
                return l != Math.Truncate(l) ? [] : NumericMatches(field, v => v == l, boost);
            case FieldType.Float:
                var f = (float)ParseNumber(value);
                return NumericMatches(field, v => (float)v == f, boost);
            default:
                return [];
        }
    }

    private Dictionary<int, float> ScoredTerm(string field, string term, float boost)
    {
        var postings = shard.Postings(field, term);
        var statistics = shard.Statistics(field);
        var text = shard.Mapping.TypeOf(field) == FieldType.Text;
        Dictionary<int, float> result = [];
        foreach (var (docId, freq) in postings)
        {
            var values = shard.EntryByDocId(docId).Fields[field];
            result[docId] = Bm25.Score(text ? freq : 1, ShardIndex.Length(values), postings.Count, statistics.DocCount, statistics.SumTotalTermFreq, boost);
        }

        return result;
    }

    private Dictionary<int, float> Match(MatchQuery q)
    {
        var type = shard.Mapping.TypeOf(q.Field);
        if (type is FieldType.Long or FieldType.Float or FieldType.Boolean)
        {
            return Term(q.Field, q.Text, q.Boost);
        }

        if (type is not (FieldType.Text or FieldType.Keyword))
        {
            return [];
        }

        var terms = type == FieldType.Text ? StandardAnalyzer.Tokenize(q.Text) : [q.Text];
        if (terms.Count == 0)
        {
            return []; // zero_terms_query: none
        }

        var clauses = terms.Select(t => ScoredTerm(q.Field, t, 1f)).ToList();
        var required = q.And ? clauses.Count : Math.Max(1, MinimumShouldMatch(clauses.Count, q.MinimumShouldMatch));
        return Combine([], clauses, required, q.Boost);
    }

    private Dictionary<int, float> Range(RangeQuery q)
    {
        var inclusive = (faults & SearchFaults.RangeBoundsAlwaysInclusive) != 0;
        switch (shard.Mapping.TypeOf(q.Field))
        {
            case FieldType.Long or FieldType.Float:
                var isFloat = shard.Mapping.TypeOf(q.Field) == FieldType.Float;
                double? Bound(string? s) => s is null ? null : isFloat ? (float)ParseNumber(s) : ParseNumber(s);
                double? gt = Bound(q.Gt), gte = Bound(q.Gte), lt = Bound(q.Lt), lte = Bound(q.Lte);
                return NumericMatches(q.Field, v =>
                    (gt is null || v > gt || (inclusive && v == gt)) && (gte is null || v >= gte)
                    && (lt is null || v < lt || (inclusive && v == lt)) && (lte is null || v <= lte), q.Boost);
            case FieldType.Text or FieldType.Keyword or FieldType.Boolean:
                var order = Utf8Order.Instance;
                Dictionary<int, float> result = [];
                foreach (var (term, docs) in shard.Terms(q.Field))
                {
                    var within = (q.Gt is null || order.Compare(term, q.Gt) > 0 || (inclusive && term == q.Gt))
                        && (q.Gte is null || order.Compare(term, q.Gte) >= 0)
                        && (q.Lt is null || order.Compare(term, q.Lt) < 0 || (inclusive && term == q.Lt))
                        && (q.Lte is null || order.Compare(term, q.Lte) <= 0);
                    if (within)
                    {
                        foreach (var docId in docs.Keys)
                        {
                            result[docId] = q.Boost;
                        }
                    }
                }

                return result;
            default:
                return [];
        }
    }

    private Dictionary<int, float> Bool(BoolQuery q)
    {
        if (q.Must.Count + q.Filter.Count + q.Should.Count + q.MustNot.Count == 0)
        {
            return shard.Entries.ToDictionary(e => e.DocId, _ => q.Boost); // ES: an empty bool is MatchAllDocsQuery
        }

        var must = q.Must.Select(Evaluate).ToList();
        var filter = q.Filter.Select(Evaluate).ToList();
        var should = q.Should.Select(Evaluate).ToList();
        var mustNot = (faults & SearchFaults.MustNotIgnored) != 0 ? [] : q.MustNot.Select(Evaluate).ToList();
        var hasRequired = must.Count + filter.Count > 0;
        var msm = q.MinimumShouldMatch is { } spec
            ? MinimumShouldMatch(should.Count, spec)
            : should.Count > 0 && (!hasRequired || (faults & SearchFaults.ShouldAlwaysRequired) != 0) ? 1 : 0;

        // A disjunction alone needs one match (Lucene); a pure negation gets a match-all FILTER (ES fixNegativeQueryIfNeeded).
        if (!hasRequired && should.Count > 0)
        {
            msm = Math.Max(msm, 1);
        }

        var universe = hasRequired || should.Count > 0 ? null : shard.Entries.Select(e => e.DocId).ToHashSet();
        var combined = Combine(must, should, msm, q.Boost, filter, universe);
        foreach (var excluded in mustNot)
        {
            foreach (var docId in excluded.Keys)
            {
                combined.Remove(docId);
            }
        }

        return combined;
    }

    /// <summary>Docs in every required clause (and the universe, when given) with at least <paramref name="minimumShould"/> optional matches; score = sum of required and matched optional scores, times boost.</summary>
    private Dictionary<int, float> Combine(
        List<Dictionary<int, float>> required,
        List<Dictionary<int, float>> optional,
        int minimumShould,
        float boost,
        List<Dictionary<int, float>>? filters = null,
        HashSet<int>? universe = null)
    {
        filters ??= [];
        IEnumerable<int> candidates = universe
            ?? (required.Count > 0 ? required[0].Keys
            : filters.Count > 0 ? filters[0].Keys
            : optional.SelectMany(o => o.Keys).Distinct());
        Dictionary<int, float> result = [];
        foreach (var docId in candidates)
        {
            if (!required.All(r => r.ContainsKey(docId)) || !filters.All(f => f.ContainsKey(docId)))
            {
                continue;
            }

            var sum = 0d;
            foreach (var r in required)
            {
                sum += r[docId];
            }

            var matched = 0;
            foreach (var o in optional)
            {
                if (o.TryGetValue(docId, out var s))
                {
                    matched++;
                    sum += s;
                }
            }

            if (matched >= minimumShould)
            {
                result[docId] = (float)sum * boost;
            }
        }

        return result;
    }

    /// <summary>
    /// ES Queries.calculateMinShouldMatch for integer and percentage specs: negative counts from the clause count;
    /// a percentage rounds toward zero; the result is kept within [0, clauses].
    /// </summary>
    internal static int MinimumShouldMatch(int clauses, string? spec)
    {
        if (spec is null)
        {
            return 0;
        }

        spec = spec.Trim();
        int result;
        if (spec.EndsWith('%'))
        {
            var percent = int.Parse(spec[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var calc = clauses * percent * (1 / 100f);
            result = calc < 0 ? clauses + (int)calc : (int)calc;
        }
        else
        {
            var calc = int.Parse(spec, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            result = calc < 0 ? clauses + calc : calc;
        }

        return Math.Clamp(result, 0, clauses);
    }

    private Dictionary<int, float> NumericMatches(string field, Func<double, bool> predicate, float boost)
    {
        Dictionary<int, float> result = [];
        foreach (var entry in shard.Entries)
        {
            if (entry.Fields.TryGetValue(field, out var values) && values.Numbers.Any(predicate))
            {
                result[entry.DocId] = boost;
            }
        }

        return result;
    }

    private static double ParseNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : throw QueryFailure($"For input string: \"{value}\"");

    private static string BooleanTerm(string value) => value is "true" or "false"
        ? value
        : throw QueryFailure($"Can't parse boolean value [{value}], expected [true] or [false]");

    private static SearchException QueryFailure(string message) =>
        new(new ElasticsearchError("query_shard_exception", "failed to create query: " + message, 400));
}
