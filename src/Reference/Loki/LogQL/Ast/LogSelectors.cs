namespace Verified.Reference.Loki.LogQL;

/// <summary>How a label matcher compares (Prometheus labels.LabelMatchType); printed as = != =~ !~.</summary>
public enum LabelMatchType
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>=~</c> (fully anchored regex)</summary>
    Regexp,

    /// <summary><c>!~</c></summary>
    NotRegexp,
}

/// <summary>One label matcher <c>name op "value"</c>.</summary>
/// <param name="Type">The comparison.</param>
/// <param name="Name">The label name.</param>
/// <param name="Value">The unquoted value (or regex).</param>
public sealed record LabelMatcher(LabelMatchType Type, string Name, string Value);

/// <summary>A bare stream selector <c>{a="b", ...}</c>; matchers keep source order (not sorted).</summary>
/// <param name="Matchers">The matchers.</param>
public sealed record MatchersExpr(ValueList<LabelMatcher> Matchers) : LogSelectorExpr
{
    /// <inheritdoc />
    public override ValueList<LabelMatcher> Matchers { get; } = Matchers;
}

/// <summary>A selector followed by pipeline stages.</summary>
/// <param name="Left">The selector.</param>
/// <param name="Stages">The stages in order (never empty).</param>
public sealed record PipelineExpr(MatchersExpr Left, ValueList<PipelineStage> Stages) : LogSelectorExpr
{
    /// <inheritdoc />
    public override ValueList<LabelMatcher> Matchers => Left.Matchers;
}
