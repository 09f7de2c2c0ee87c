using Verified.Reference.Elasticsearch.Replication;

namespace Verified.Conformance.Elasticsearch;

/// <summary>
/// The independent model a search through the cluster is judged against: from the client writes of a history only
/// (never the reference's copies), which sources each id may hold once the cluster is quiet. For an id, the last
/// acknowledged write by seq_no survives unless a write that was not acknowledged (timed out, failed, unanswered —
/// it may or may not have been applied, anywhere in seq_no order after it) replaced it; so the possible states are
/// the last acknowledged one (absent when none) and those of every unacknowledged write.
/// </summary>
public sealed class EsSearchModel
{
    private readonly Dictionary<string, List<string?>> _possible = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _written = new(StringComparer.Ordinal);

    /// <summary>Builds the model of <paramref name="writes"/>.</summary>
    public EsSearchModel(IEnumerable<EsWrite> writes)
    {
        foreach (var group in writes.GroupBy(w => w.Id, StringComparer.Ordinal))
        {
            var last = group.Where(w => w.Acked is not null).MaxBy(w => w.Acked!.SeqNo);
            List<string?> states = [last is { Kind: OperationKind.Index } ? last.Source : null];
            states.AddRange(group.Where(w => w.Acked is null).Select(w => w.Kind == OperationKind.Index ? w.Source : null));
            _possible[group.Key] = states;
            _written[group.Key] = [.. group.Where(w => w.Kind == OperationKind.Index).Select(w => w.Source!)];
        }
    }

    /// <summary>Ids ever written.</summary>
    public IEnumerable<string> Ids => _possible.Keys;

    /// <summary>Whether <paramref name="id"/> must be found by a query matching exactly <paramref name="matches"/> sources.</summary>
    public bool Required(string id, Func<string, bool> matches) =>
        _possible.TryGetValue(id, out var states) && states.All(s => s is not null && matches(s));

    /// <summary>Whether a hit (<paramref name="id"/>, <paramref name="source"/>) is possible once quiet.</summary>
    public bool Allowed(string id, string source) =>
        _possible.TryGetValue(id, out var states) && states.Contains(source, StringComparer.Ordinal);

    /// <summary>Whether some index request ever wrote <paramref name="source"/> to <paramref name="id"/> (no phantom, at any time).</summary>
    public bool EverWritten(string id, string source) => _written.TryGetValue(id, out var sources) && sources.Contains(source);

    /// <summary>The <c>v</c> of a generated source <c>{"v":n}</c>.</summary>
    public static int ValueOf(string source) => int.Parse(source.AsSpan(5, source.Length - 6), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The query body of a search step (sorted by v ascending, every hit on one page) and its matching rule over v.</summary>
    public static (string Body, Func<int, bool> Matches) Query(EsStep.Search search, int from = 0, int size = 50)
    {
        var (query, lo, hi) = (search.Query, Math.Min(search.Lo, search.Hi), Math.Max(search.Lo, search.Hi));
        var (clause, matches) = query switch
        {
            1 => ($$$"""{"term":{"v":{{{lo}}}}}""", (Func<int, bool>)(v => v == lo)),
            2 => ($$$"""{"range":{"v":{"gte":{{{lo}}},"lte":{{{hi}}}""" + "}}}", v => v >= lo && v <= hi),
            3 => ($$$"""{"bool":{"must_not":[{"term":{"v":{{{lo}}}}}]}}""", v => v != lo),
            _ => ("""{"match_all":{}}""", _ => true),
        };
        return ($$"""{"query":{{clause}},"from":{{from}},"size":{{size}},"sort":[{"v":"asc"}]}""", matches);
    }
}
