using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>
/// A metric query met a sample carrying <c>__error__</c>: Loki fails the query with this text
/// (loki pkg/logqlmodel/error.go PipelineError; raised in pkg/logql/evaluator.go RangeVectorEvaluator.Next).
/// </summary>
public sealed class LogQLPipelineException : Exception
{
    /// <summary>Creates the error for the series <paramref name="metric"/>.</summary>
    public LogQLPipelineException(LabelSet metric)
        : base(Format(metric))
    {
        Metric = metric;
        ErrorType = metric.Get(LabelsBuilder.ErrorLabel) ?? "";
    }

    /// <summary>The series whose sample carried the error.</summary>
    public LabelSet Metric { get; }

    /// <summary>The <c>__error__</c> value, e.g. <c>JSONParserErr</c>.</summary>
    public string ErrorType { get; }

    private static string Format(LabelSet metric)
    {
        var type = metric.Get(LabelsBuilder.ErrorLabel) ?? "";
        return $"pipeline error: '{type}' for series: '{metric}'.\n" +
            $"Use a label filter to intentionally skip this error. (e.g | __error__!=\"{type}\").\n" +
            "To skip all potential errors you can match empty errors.(e.g __error__=\"\")\n" +
            "The label filter can also be specified after unwrap. (e.g | unwrap latency | __error__=\"\" )\n";
    }
}
