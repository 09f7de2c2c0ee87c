namespace Verified.Reference.Loki.Frontend;

/// <summary>One hand-over of a queued request to a querier, in the order the scheduler made them.</summary>
/// <param name="QuerierId">The querier that took it.</param>
/// <param name="Request">The request.</param>
public sealed record SchedulerDispatch(string QuerierId, SplitRequest Request);
