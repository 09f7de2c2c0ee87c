using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>What a pipeline makes of one entry.</summary>
/// <param name="Keep">False when a filter dropped the entry.</param>
/// <param name="Labels">The resulting labels, sorted by name: stream labels, structured metadata and extracted
/// labels, plus <c>__error__</c>/<c>__error_details__</c> when a stage failed. Empty when dropped.</param>
/// <param name="Line">The line after the pipeline (no implemented stage rewrites it).</param>
public sealed record PipelineResult(bool Keep, LabelSet Labels, string Line)
{
    /// <summary>The result for a dropped entry.</summary>
    public static PipelineResult Dropped { get; } = new(false, LabelSet.Empty, "");
}
