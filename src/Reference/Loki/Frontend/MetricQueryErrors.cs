namespace Verified.Reference.Loki.Frontend;

/// <summary>Loki's texts for refused metric queries (loki pkg/loghttp/query.go, pkg/logqlmodel/error.go).</summary>
public static class MetricQueryErrors
{
    /// <summary>The most points a range query may ask per series: <c>(end − start) / step</c> above this is refused (loki pkg/loghttp/query.go ParseRangeQuery).</summary>
    public const long MaxPointsPerSeries = 11_000;

    /// <summary><c>errZeroOrNegativeStep</c>: a step of 0 or less.</summary>
    public const string ZeroOrNegativeStep = "zero or negative query resolution step widths are not accepted. Try a positive integer";

    /// <summary>
    /// <c>errStepTooSmall</c> since Loki 2.9 (PR #9641); older releases said "… per timeseries. Try decreasing the query
    /// resolution (?step=XX)".
    /// </summary>
    public const string TooManyPoints = "exceeded maximum resolution of 11,000 points per time series. Try increasing the value of the step parameter";

    /// <summary><c>errEndBeforeStart</c>, returned for a range query whose end is strictly before its start (equal is allowed: one step).</summary>
    public const string EndBeforeStart = "end timestamp must not be before or equal to start time";

    /// <summary><c>ErrUnsupportedQueryType</c>-style refusal of a log selector sent to <c>/loki/api/v1/query</c>.</summary>
    public const string LogQueryAsInstant = "log queries are not supported as an instant query type, please change your query to a range query type";

    /// <summary>Verified's own refusal: a log selector given to the metric API (Loki would run it as a log query).</summary>
    public const string NotAMetricQuery = "the query is a log selector, not a metric query: run it as a log query";
}
