using Shouldly;
using Verified.Conformance.Checks;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Frontend;
using Verified.Routing;
using Xunit;

namespace Verified.Query.Tests.Frontend;

/// <summary>
/// The scheduler: per-tenant FIFO, round-robin across tenants, the outstanding limit, max_concurrent; and the scenario
/// <c>verified check</c> runs (<see cref="SchedulerScenario"/>), passing on the reference and failing on broken schedulers.
/// </summary>
public sealed class SchedulerTests
{
    [Fact]
    public void OneQuerier_ServesTenantsRoundRobin_EachQueueInFifoOrder()
    {
        var scheduler = new Scheduler();
        var tasks = new[] { ("a", 1), ("a", 2), ("a", 3), ("b", 1), ("b", 2), ("c", 1) }.Select(x => scheduler.EnqueueAsync(Request(x.Item1, x.Item2))).ToList();

        scheduler.AddQuerier("q", Build.Executor(_ => QueryResult.Empty), maxConcurrent: 1);

        scheduler.Dispatches.Select(d => $"{d.Request.Tenant}{d.Request.Index}").ShouldBe(["a1", "b1", "c1", "a2", "b2", "a3"]);
        tasks.ShouldAllBe(t => t.IsCompletedSuccessfully);
    }

    [Fact]
    public void RoundRobin_StartsAfterTheTenantServedLast()
    {
        var scheduler = new Scheduler();
        var hold = new Holder();
        scheduler.AddQuerier("q", hold.Execute, maxConcurrent: 1);
        _ = scheduler.EnqueueAsync(Request("a", 1));   // dispatched at once: the querier last served a
        _ = scheduler.EnqueueAsync(Request("b", 1));
        _ = scheduler.EnqueueAsync(Request("c", 1));
        _ = scheduler.EnqueueAsync(Request("a", 2));

        hold.ReleaseAll();

        scheduler.Dispatches.Select(d => $"{d.Request.Tenant}{d.Request.Index}").ShouldBe(["a1", "b1", "c1", "a2"]);
    }

    [Fact]
    public void EachQuerier_KeepsItsOwnRoundRobinPosition()
    {
        var scheduler = new Scheduler();
        foreach (var (tenant, index) in new[] { ("a", 1), ("a", 2), ("b", 1), ("b", 2) })
        {
            _ = scheduler.EnqueueAsync(Request(tenant, index));
        }

        var first = new Holder();
        var second = new Holder();
        scheduler.AddQuerier("q1", first.Execute, maxConcurrent: 1);
        scheduler.AddQuerier("q2", second.Execute, maxConcurrent: 1);

        // q1 started at a; q2, added later, also starts at the first tenant, a.
        scheduler.Dispatches.Select(d => $"{d.QuerierId}:{d.Request.Tenant}{d.Request.Index}").ShouldBe(["q1:a1", "q2:a2"]);
        first.ReleaseOne();
        scheduler.Dispatches.Select(d => $"{d.QuerierId}:{d.Request.Tenant}{d.Request.Index}").ShouldBe(["q1:a1", "q2:a2", "q1:b1"]);
    }

    [Fact]
    public async Task FullTenantQueue_Answers429_TooManyOutstandingRequests_OtherTenantsUnaffected()
    {
        var scheduler = new Scheduler(new SchedulerOptions { MaxOutstandingPerTenant = 2 });
        var queued = new[] { scheduler.EnqueueAsync(Request("a", 1)), scheduler.EnqueueAsync(Request("a", 2)) };

        var rejected = await Should.ThrowAsync<QueryRejectedException>(() => scheduler.EnqueueAsync(Request("a", 3)));
        rejected.StatusCode.ShouldBe(429);
        rejected.Message.ShouldBe("too many outstanding requests");
        var other = scheduler.EnqueueAsync(Request("b", 1));
        scheduler.Queued("a").ShouldBe(2);

        scheduler.AddQuerier("q", Build.Executor(_ => QueryResult.Empty));
        await Task.WhenAll([.. queued, other]);
        scheduler.Queued("a").ShouldBe(0);
        (await scheduler.EnqueueAsync(Request("a", 4))).ShouldBe(QueryResult.Empty);
    }

    [Fact]
    public void DefaultLimits_Are32000Outstanding_And4Concurrent()
    {
        SchedulerOptions.Default.MaxOutstandingPerTenant.ShouldBe(32000);
        SchedulerOptions.Default.MaxConcurrentPerQuerier.ShouldBe(4);
        var scheduler = new Scheduler();
        var hold = new Holder();
        scheduler.AddQuerier("q", hold.Execute);
        for (var i = 0; i < 6; i++)
        {
            _ = scheduler.EnqueueAsync(Request("a", i));
        }

        scheduler.Dispatches.Count.ShouldBe(4);
        scheduler.Queued("a").ShouldBe(2);
        hold.ReleaseOne();
        scheduler.Dispatches.Count.ShouldBe(5);
    }

    [Fact]
    public async Task CanceledWhileQueued_LeavesTheQueue_AndIsNeverDispatched()
    {
        var scheduler = new Scheduler();
        using var cancel = new CancellationTokenSource();
        var task = scheduler.EnqueueAsync(Request("a", 1), cancel.Token);
        scheduler.Queued("a").ShouldBe(1);

        await cancel.CancelAsync();

        await Should.ThrowAsync<TaskCanceledException>(() => task);
        scheduler.Queued("a").ShouldBe(0);
        scheduler.AddQuerier("q", Build.Executor(_ => QueryResult.Empty));
        scheduler.Dispatches.ShouldBeEmpty();
    }

    [Fact]
    public async Task QuerierFailure_FaultsThatRequestOnly()
    {
        var scheduler = new Scheduler();
        scheduler.AddQuerier("q", Build.Executor(r => r.Index == 1 ? throw new InvalidOperationException("boom") : QueryResult.Empty), maxConcurrent: 1);

        (await Should.ThrowAsync<InvalidOperationException>(() => scheduler.EnqueueAsync(Request("a", 1)))).Message.ShouldBe("boom");
        (await scheduler.EnqueueAsync(Request("a", 2))).ShouldBe(QueryResult.Empty);
    }

    [Fact]
    public void CheckScenario_PassesOnTheReference_WithTheSpecsLimit()
    {
        var outcome = SchedulerScenario.Run(LokiRouting.Instance);
        outcome.Verdict.ShouldBe(Verdict.Passed, outcome.Detail);
        outcome.Detail.ShouldContain("429 past 32000 outstanding");
    }

    [Fact]
    public void CheckScenario_CatchesASchedulerWithOneGlobalFifoQueue()
    {
        var outcome = SchedulerScenario.Run(3, options => GlobalFifo.Create(options.MaxOutstandingPerTenant, SchedulerScenario.TooManyOutstandingRequests));
        outcome.Verdict.ShouldBe(Verdict.Failed);
        outcome.Detail.ShouldContain("dispatch order expected a1 b1 c1 a2 b2 a3, actual a1 a2 a3 b1 b2 c1");
    }

    [Fact]
    public void CheckScenario_CatchesALimitOffByOne()
    {
        var outcome = SchedulerScenario.Run(3, options => SchedulerUnderTest.Reference(options with { MaxOutstandingPerTenant = options.MaxOutstandingPerTenant + 1 }));
        outcome.Verdict.ShouldBe(Verdict.Failed);
        outcome.Detail.ShouldContain("request 4 of tenant a expected 429");
    }

    [Fact]
    public void CheckScenario_CatchesAnotherRejectionText()
    {
        var outcome = SchedulerScenario.Run(3, options => GlobalFifo.Create(options.MaxOutstandingPerTenant, "queue full"));
        outcome.Verdict.ShouldBe(Verdict.Failed);
        outcome.Detail.ShouldContain("429 \"queue full\"");
    }

    private static SplitRequest Request(string tenant, int index) => new(tenant, "{}", new TimeRange(0, 1), Direction.Backward, 100, index);

    /// <summary>An executor that holds every request until the test releases it (oldest first).</summary>
    private sealed class Holder
    {
        private readonly Queue<TaskCompletionSource<QueryResult>> _held = new();

        public Task<QueryResult> Execute(SplitRequest request, CancellationToken token)
        {
            // Synchronous continuations: releasing runs the scheduler's next dispatch before Release returns.
            var source = new TaskCompletionSource<QueryResult>();
            _held.Enqueue(source);
            return source.Task;
        }

        public void ReleaseOne() => Release(_held.Dequeue());

        public void ReleaseAll()
        {
            while (_held.Count > 0)
            {
                ReleaseOne();
            }
        }

        private static void Release(TaskCompletionSource<QueryResult> source)
        {
            // .NET runs a continuation inline only without a custom synchronization context; xunit installs one.
            var context = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                source.SetResult(QueryResult.Empty);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }
    }

    /// <summary>A broken scheduler for the negative controls: one FIFO queue for every tenant, synchronous executors only.</summary>
    private sealed class GlobalFifo
    {
        private readonly Queue<(SplitRequest Request, TaskCompletionSource<QueryResult> Source)> _queue = new();
        private readonly List<SplitRequest> _dispatched = [];
        private readonly int _limit;
        private readonly string _rejection;
        private Func<SplitRequest, CancellationToken, Task<QueryResult>>? _executor;

        private GlobalFifo(int limit, string rejection) => (_limit, _rejection) = (limit, rejection);

        public static SchedulerUnderTest Create(int limit, string rejection)
        {
            var scheduler = new GlobalFifo(limit, rejection);
            return new(scheduler.Enqueue, (_, executor, _) => scheduler.AddQuerier(executor), () => scheduler._dispatched);
        }

        private Task<QueryResult> Enqueue(SplitRequest request)
        {
            if (_queue.Count(q => q.Request.Tenant == request.Tenant) >= _limit)
            {
                return Task.FromException<QueryResult>(new QueryRejectedException(429, _rejection));
            }

            var source = new TaskCompletionSource<QueryResult>();
            _queue.Enqueue((request, source));
            Pump();
            return source.Task;
        }

        private void AddQuerier(Func<SplitRequest, CancellationToken, Task<QueryResult>> executor)
        {
            _executor = executor;
            Pump();
        }

        private void Pump()
        {
            while (_executor is not null && _queue.TryDequeue(out var next))
            {
                _dispatched.Add(next.Request);
                next.Source.SetResult(_executor(next.Request, CancellationToken.None).GetAwaiter().GetResult());
            }
        }
    }
}
