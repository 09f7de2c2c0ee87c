using System.Collections.Immutable;

namespace Verified.Conformance.History;

/// <summary>
/// An ordered record of a write workload — pushes with their verdicts, injected faults, and reads — kept apart
/// from the system under test, so any target that can push and read yields one the checker can judge.
/// </summary>
public sealed class WriteHistory
{
    private readonly List<object> _events = [];
    private long _nextId;

    /// <summary>Every event in order (PushRecord, FaultRecord, ReadRecord, QueryRecord).</summary>
    public IReadOnlyList<object> Events => _events;

    /// <summary>The pushes, in order.</summary>
    public IEnumerable<PushRecord> Pushes => _events.OfType<PushRecord>();

    /// <summary>The reads, in order.</summary>
    public IEnumerable<ReadRecord> Reads => _events.OfType<ReadRecord>();

    /// <summary>Appends a push.</summary>
    public PushRecord AddPush(ImmutableArray<StreamEntry> written, PushVerdict verdict, Verified.Reference.Loki.Push.PushResponse response) =>
        Add(new PushRecord(_nextId++, written, verdict, response));

    /// <summary>Appends a fault.</summary>
    public FaultRecord AddFault(string description) => Add(new FaultRecord(_nextId++, description));

    /// <summary>The log queries, in order.</summary>
    public IEnumerable<QueryRecord> Queries => _events.OfType<QueryRecord>();

    /// <summary>The id the next event gets.</summary>
    public long NextId => _nextId;

    /// <summary>Appends a log query (its id must be <see cref="NextId"/>).</summary>
    public QueryRecord AddQuery(QueryRecord query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Id != _nextId)
        {
            throw new ArgumentException($"a query recorded now has id {_nextId}, not {query.Id}", nameof(query));
        }

        _nextId++;
        return Add(query);
    }

    /// <summary>Appends a read.</summary>
    public ReadRecord AddRead(ImmutableArray<StreamEntry> found) => Add(new ReadRecord(_nextId++, found));

    /// <summary>The history as readable lines, for failure reports.</summary>
    public string Describe(int max = 60)
    {
        var lines = _events.Take(max).Select(e => e switch
        {
            PushRecord p => $"#{p.Id} push {p.Verdict} {p.Response.StatusCode} ({p.Written.Length} entries){(p.Response.Body.Length > 0 ? ": " + Truncate(p.Response.Body) : string.Empty)}",
            FaultRecord f => $"#{f.Id} fault {f.Description}",
            ReadRecord r => $"#{r.Id} read {r.Found.Length} entries",
            QueryRecord q => $"#{q.Id} query {q.Tenant} {q.Selector} [{q.StartNs}, {q.EndNs}) {(q.Backward ? "BACKWARD" : "FORWARD")} limit {q.Limit}: {(q.Error is null ? $"{q.Returned.Sum(s => s.Entries.Length)} entries" : "error " + Truncate(q.Error))}",
            _ => e.ToString() ?? string.Empty,
        });
        var text = string.Join("\n", lines);
        return _events.Count > max ? text + $"\n… {_events.Count - max} more events" : text;
    }

    private static string Truncate(string text) => text.Length <= 120 ? text : text[..117] + "...";

    private T Add<T>(T record)
        where T : notnull
    {
        _events.Add(record);
        return record;
    }
}
