using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>One stream as the evaluator reads it: its stream labels and its entries (any order).</summary>
/// <param name="Labels">The stream labels (any order; the evaluator sorts them as Loki does).</param>
/// <param name="Entries">The entries.</param>
public sealed record LogStream(LabelSet Labels, IReadOnlyList<LogEntry> Entries);
