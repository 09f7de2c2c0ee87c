using System.Collections.Immutable;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.History;

/// <summary>One stream of a query answer: its label string and its entries, in the order the answer gives them.</summary>
/// <param name="Labels">The stream's label string.</param>
/// <param name="Entries">Its entries as returned.</param>
public sealed record ReturnedStream(string Labels, ImmutableArray<LogEntry> Entries);

/// <summary>
/// A log query in a history: what was asked and what came back. The selector is kept as a predicate over the
/// canonical label string (and its text, for reports), so any query language front end can be judged the same way.
/// </summary>
/// <param name="Id">Operation id, unique in the history.</param>
/// <param name="Tenant">The tenant that asked.</param>
/// <param name="Selector">The selector's text, for reports.</param>
/// <param name="Matches">Whether a stream (canonical labels) is selected.</param>
/// <param name="StartNs">Start, inclusive (Unix ns).</param>
/// <param name="EndNs">End, exclusive (Unix ns).</param>
/// <param name="Backward">BACKWARD (newest first) rather than FORWARD.</param>
/// <param name="Limit">At most this many entries over all streams.</param>
/// <param name="Returned">The answer, stream by stream; empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">The error the query ended with, if it failed (a failed query is judged on nothing).</param>
/// <param name="KeepsEntry">The query's line filters, as an independent model of them; null when it has none.</param>
public sealed record QueryRecord(
    long Id,
    string Tenant,
    string Selector,
    Func<string, bool> Matches,
    long StartNs,
    long EndNs,
    bool Backward,
    int Limit,
    ImmutableArray<ReturnedStream> Returned,
    string? Error,
    Func<LogEntry, bool>? KeepsEntry = null);
