using Verified.Conformance.Checks;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Frontend;
using Verified.Routing;

namespace Verified.Conformance.ReadPath;

/// <summary>
/// A deterministic scheduler scenario (LOKI-READ-9, loki pkg/queue): per-tenant FIFO, round-robin across tenants, and
/// a 429 "too many outstanding requests" (LOKI.md §6) past the target spec's <c>read.max_outstanding_per_tenant</c>.
/// </summary>
public static class SchedulerScenario
{
    /// <summary>Loki's text for a full tenant queue (LOKI.md §6 Scheduler), written out independently of the reference.</summary>
    internal const string TooManyOutstandingRequests = "too many outstanding requests";

    /// <summary>Runs the scenario on the reference scheduler configured from <paramref name="spec"/>'s read section.</summary>
    public static CheckOutcome Run(ITokenRingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var limit = spec.ReadPath?.MaxOutstandingPerTenant ?? SchedulerOptions.Default.MaxOutstandingPerTenant;
        return Run(limit, options => SchedulerUnderTest.Reference(options));
    }

    /// <summary>Runs the scenario with the limit <paramref name="limit"/> on schedulers <paramref name="create"/> makes.</summary>
    internal static CheckOutcome Run(int limit, Func<SchedulerOptions, SchedulerUnderTest> create)
    {
        var problems = new List<string>();
        RoundRobin(create(new SchedulerOptions { MaxOutstandingPerTenant = limit }), problems);
        OutstandingLimit(create(new SchedulerOptions { MaxOutstandingPerTenant = limit }), limit, problems);
        return problems.Count == 0
            ? CheckOutcome.Pass($"FIFO per tenant, round-robin over 3 tenants, 429 past {limit} outstanding")
            : CheckOutcome.Fail(string.Join("; ", problems));
    }

    // Three tenants queue a1 a2 a3 b1 b2 c1 before any querier exists; one querier running one request at a time must
    // take a1 b1 c1 a2 b2 a3: tenants in turn, each tenant's requests in arrival order.
    private static void RoundRobin(SchedulerUnderTest scheduler, List<string> problems)
    {
        (string Tenant, int Index)[] arrivals = [("a", 1), ("a", 2), ("a", 3), ("b", 1), ("b", 2), ("c", 1)];
        var tasks = arrivals.Select(x => scheduler.Enqueue(Request(x.Tenant, x.Index))).ToList();
        scheduler.AddQuerier("querier-1", (_, _) => Task.FromResult(QueryResult.Empty), 1);
        var order = string.Join(" ", scheduler.Dispatched().Select(r => $"{r.Tenant}{r.Index}"));
        const string Expected = "a1 b1 c1 a2 b2 a3";
        if (order != Expected)
        {
            problems.Add($"dispatch order expected {Expected}, actual {order}");
        }

        if (!tasks.TrueForAll(t => t.IsCompletedSuccessfully))
        {
            problems.Add($"{tasks.Count(t => !t.IsCompletedSuccessfully)} of {tasks.Count} queued requests were not answered");
        }
    }

    // With no querier, tenant a fills its queue to the limit; one more is refused with 429 and Loki's text, tenant b is
    // still accepted, and once a querier drains the queue tenant a is accepted again.
    private static void OutstandingLimit(SchedulerUnderTest scheduler, int limit, List<string> problems)
    {
        var queued = Enumerable.Range(1, limit).Select(i => scheduler.Enqueue(Request("a", i))).ToList();
        var refusedEarly = queued.FindIndex(t => t.IsFaulted);
        if (refusedEarly >= 0)
        {
            problems.Add($"request {refusedEarly + 1} of tenant a refused below the limit {limit}: {queued[refusedEarly].Exception?.InnerException?.Message}");
        }

        var over = scheduler.Enqueue(Request("a", limit + 1));
        var error = over.IsFaulted ? over.Exception?.InnerException : null;
        if (error is not QueryRejectedException { StatusCode: 429 } rejected || rejected.Message != TooManyOutstandingRequests)
        {
            problems.Add($"request {limit + 1} of tenant a expected 429 \"{TooManyOutstandingRequests}\", actual {(error is null ? over.Status.ToString() : $"{(error as QueryRejectedException)?.StatusCode} \"{error.Message}\"")}");
        }

        var other = scheduler.Enqueue(Request("b", 1));
        if (other.IsFaulted)
        {
            problems.Add($"tenant b refused while only tenant a's queue was full: {other.Exception?.InnerException?.Message}");
        }

        scheduler.AddQuerier("querier-1", (_, _) => Task.FromResult(QueryResult.Empty), 4);
        var again = scheduler.Enqueue(Request("a", limit + 2));
        if (!again.IsCompletedSuccessfully || !queued.TrueForAll(t => t.IsCompletedSuccessfully) || !other.IsCompletedSuccessfully)
        {
            problems.Add("after a querier drained the queues, queued or new requests were not answered");
        }
    }

    private static SplitRequest Request(string tenant, int index) => new(tenant, "{}", new TimeRange(0, 1), Direction.Backward, 100, index);
}
