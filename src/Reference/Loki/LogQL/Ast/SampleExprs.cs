namespace Verified.Reference.Loki.LogQL;

/// <summary><c>| unwrap [conv(]label[)]</c> and its post-filters.</summary>
/// <param name="Identifier">The label to unwrap.</param>
/// <param name="Conversion">"", "bytes", "duration" or "duration_seconds".</param>
/// <param name="PostFilters">Label filters after the unwrap, in order.</param>
public sealed record UnwrapExpr(string Identifier, string Conversion, ValueList<LabelFilter> PostFilters);

/// <summary>A log selector over a range: <c>selector [5m] offset 1h</c>, optionally with an unwrap.</summary>
/// <param name="Left">The log selector.</param>
/// <param name="IntervalNs">The range in nanoseconds.</param>
/// <param name="OffsetNs">The offset in nanoseconds (0 = none; may be negative).</param>
/// <param name="Unwrap">The unwrap, or null.</param>
public sealed record LogRangeExpr(LogSelectorExpr Left, long IntervalNs, long OffsetNs, UnwrapExpr? Unwrap);

/// <summary><c>by (a,b)</c> or <c>without (a,b)</c>; groups keep source order.</summary>
/// <param name="Without">True for without.</param>
/// <param name="Groups">The labels (empty for <c>by ()</c>).</param>
public sealed record Grouping(bool Without, ValueList<string> Groups)
{
    /// <summary>No grouping at all (what Loki gives a vector aggregation written without one).</summary>
    public static Grouping None { get; } = new(false, ValueList<string>.Empty);
}

/// <summary>A range aggregation, e.g. <c>rate({a="b"}[5m])</c>.</summary>
/// <param name="Operation">e.g. "count_over_time", "rate", "quantile_over_time".</param>
/// <param name="Left">The range.</param>
/// <param name="Grouping">Grouping after the call, or null.</param>
/// <param name="Parameter">The quantile for quantile_over_time, else null.</param>
public sealed record RangeAggregationExpr(string Operation, LogRangeExpr Left, Grouping? Grouping, double? Parameter) : SampleExpr;

/// <summary>A vector aggregation, e.g. <c>sum by (a) (...)</c> or <c>topk(5, ...)</c>.</summary>
/// <param name="Operation">e.g. "sum", "topk".</param>
/// <param name="Left">The inner expression.</param>
/// <param name="Grouping">Never null: <see cref="Grouping.None"/> when none was written (ast.go).</param>
/// <param name="Parameter">k for topk/bottomk/approx_topk, else 0.</param>
public sealed record VectorAggregationExpr(string Operation, SampleExpr Left, Grouping Grouping, int Parameter) : SampleExpr;

/// <summary>Cardinality of a binary operation's vector matching.</summary>
public enum VectorMatchCardinality
{
    /// <summary>Default.</summary>
    OneToOne,

    /// <summary><c>group_left</c>.</summary>
    ManyToOne,

    /// <summary><c>group_right</c>.</summary>
    OneToMany,
}

/// <summary>Binary-operation modifiers: <c>bool</c>, <c>on</c>/<c>ignoring</c>, <c>group_left</c>/<c>group_right</c>.</summary>
/// <param name="ReturnBool">bool given.</param>
/// <param name="Card">Cardinality.</param>
/// <param name="On">True for on(...), false for ignoring(...) or none.</param>
/// <param name="MatchingLabels">The on/ignoring labels; null when neither was given or the list was empty.</param>
/// <param name="Include">The group_left/right labels; null when none.</param>
public sealed record BinOpOptions(bool ReturnBool, VectorMatchCardinality Card, bool On, ValueList<string>? MatchingLabels, ValueList<string>? Include)
{
    /// <summary>No modifiers.</summary>
    public static BinOpOptions Default { get; } = new(false, VectorMatchCardinality.OneToOne, false, null, null);
}

/// <summary>A binary operation between two metric expressions (never two literals: those are folded).</summary>
/// <param name="Operation">e.g. "+", "or", "&gt;".</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
/// <param name="Options">Modifiers.</param>
public sealed record BinOpExpr(string Operation, SampleExpr Left, SampleExpr Right, BinOpOptions Options) : SampleExpr;

/// <summary>A number.</summary>
/// <param name="Value">The value.</param>
public sealed record LiteralExpr(double Value) : SampleExpr;

/// <summary><c>vector(n)</c>.</summary>
/// <param name="Value">The value.</param>
public sealed record VectorExpr(double Value) : SampleExpr;

/// <summary><c>label_replace(expr, "dst", "replacement", "src", "regex")</c>.</summary>
/// <param name="Left">The inner expression.</param>
/// <param name="Destination">Destination label.</param>
/// <param name="Replacement">Replacement template.</param>
/// <param name="Source">Source label.</param>
/// <param name="Regex">The regex (anchored when applied).</param>
public sealed record LabelReplaceExpr(SampleExpr Left, string Destination, string Replacement, string Source, string Regex) : SampleExpr;
