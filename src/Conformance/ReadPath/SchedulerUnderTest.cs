using Verified.Reference.Loki.Frontend;

namespace Verified.Conformance.ReadPath;

/// <summary>What the scheduler scenario drives: the reference <see cref="Scheduler"/>, or a broken one in a negative control.</summary>
/// <param name="Enqueue">Queues a request; the task completes with the answer or faults with the rejection.</param>
/// <param name="AddQuerier">Adds a querier (id, executor, max concurrent) that starts taking work at once.</param>
/// <param name="Dispatched">The requests handed to queriers so far, in order.</param>
internal sealed record SchedulerUnderTest(
    Func<SplitRequest, Task<QueryResult>> Enqueue,
    Action<string, Func<SplitRequest, CancellationToken, Task<QueryResult>>, int> AddQuerier,
    Func<IEnumerable<SplitRequest>> Dispatched)
{
    /// <summary>The reference scheduler with <paramref name="options"/>.</summary>
    public static SchedulerUnderTest Reference(SchedulerOptions options)
    {
        var scheduler = new Scheduler(options);
        return new(r => scheduler.EnqueueAsync(r), (id, executor, max) => scheduler.AddQuerier(id, executor, max), () => scheduler.Dispatches.Select(d => d.Request));
    }
}
