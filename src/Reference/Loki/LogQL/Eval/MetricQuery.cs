namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>
/// When a metric query is evaluated: every step <c>t = Start, Start+Step, …, ≤ End</c> (nanoseconds, both ends
/// inclusive, no alignment: Loki's engine steps from the given start; the query frontend's step alignment is not
/// part of the engine). An instant query has <c>Start == End</c> and step 0, which Loki turns into one step
/// (range_vector.go newRangeVectorIterator "forces at least one step").
/// </summary>
/// <param name="StartNs">First step.</param>
/// <param name="EndNs">Last step bound (inclusive).</param>
/// <param name="StepNs">Step; 0 only for an instant query.</param>
public sealed record MetricQuery(long StartNs, long EndNs, long StepNs)
{
    /// <summary>An instant query at <paramref name="atNs"/>.</summary>
    public static MetricQuery Instant(long atNs) => new(atNs, atNs, 0);

    /// <summary>A range query.</summary>
    public static MetricQuery Range(long startNs, long endNs, long stepNs) => new(startNs, endNs, stepNs);

    /// <summary>Loki's GetRangeType: instant when start equals end and the step is 0 (pkg/logql/evaluator.go).</summary>
    public bool IsInstant => StartNs == EndNs && StepNs == 0;

    /// <summary>Rejects impossible parameters with a message naming the bad one.</summary>
    internal void Validate()
    {
        if (StepNs < 0)
        {
            throw new ArgumentException($"step must be positive, got {StepNs}ns", nameof(StepNs));
        }

        if (!IsInstant && StepNs == 0)
        {
            throw new ArgumentException("a range query needs a positive step", nameof(StepNs));
        }

        if (EndNs < StartNs)
        {
            throw new ArgumentException($"end ({EndNs}) is before start ({StartNs})", nameof(EndNs));
        }
    }
}
