using System.Collections.Immutable;
using Shouldly;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Query.Tests.Frontend;

/// <summary>The frontend end to end over synchronous executors: split order, early stop, validation, equivalence.</summary>
public sealed class QueryFrontendTests
{
    private const long Hour = 3_600 * Build.Second;
    private const long T0 = 1_700_000_000L / 3_600 * Hour; // a whole hour
    private const string App = "{app=\"a\"}";

    [Fact]
    public void Backward_RunsNewestPieceFirst_AndStopsOnceLimitEntriesArrived()
    {
        var calls = new List<TimeRange>();
        var frontend = Frontend(TwoPerPiece(calls), parallelism: 1);

        var response = Build.Run(frontend, new FrontendRequest("t", App, T0, T0 + (5 * Hour), Direction.Backward, Limit: 3));

        calls.ShouldBe([new(T0 + (4 * Hour), T0 + (5 * Hour)), new(T0 + (3 * Hour), T0 + (4 * Hour))]);
        response.SplitsMerged.ShouldBe(2);
        response.Result.ShouldBe(Build.Result(Build.Stream(App, T0 + (5 * Hour) - Build.Second, T0 + (5 * Hour) - (2 * Build.Second), T0 + (4 * Hour) - Build.Second)));
    }

    [Fact]
    public void Forward_RunsOldestPieceFirst()
    {
        var calls = new List<TimeRange>();
        var response = Build.Run(Frontend(TwoPerPiece(calls), parallelism: 1), new FrontendRequest("t", App, T0, T0 + (3 * Hour), Direction.Forward, Limit: 100));

        calls.Select(c => c.StartNs).ShouldBe([T0, T0 + Hour, T0 + (2 * Hour)]);
        response.SplitsMerged.ShouldBe(3);
        response.Result.EntryCount.ShouldBe(6);
    }

    [Fact]
    public void NoEarlyStopFault_RunsEveryPiece_ForTheSameAnswer()
    {
        var request = new FrontendRequest("t", App, T0, T0 + (5 * Hour), Direction.Backward, Limit: 3);
        var calls = new List<TimeRange>();
        var faulty = Build.Run(Frontend(TwoPerPiece(calls), parallelism: 1, faults: FrontendFaults.NoEarlyStop), request);
        var correct = Build.Run(Frontend(TwoPerPiece([]), parallelism: 1), request);

        calls.Count.ShouldBe(5);
        faulty.Result.ShouldBe(correct.Result);
    }

    [Fact]
    public void BackwardSplitsNotReversedFault_ReturnsTheOldestEntries()
    {
        var request = new FrontendRequest("t", App, T0, T0 + (5 * Hour), Direction.Backward, Limit: 3);
        var faulty = Build.Run(Frontend(TwoPerPiece([]), parallelism: 1, faults: FrontendFaults.BackwardSplitsNotReversed), request);

        faulty.Result.Streams.Single().Entries[0].TimestampNs.ShouldBe(T0 + (2 * Hour) - Build.Second);
    }

    [Fact]
    public void SplitAndMerge_EqualsTheUnsplitAnswer()
    {
        var store = Store((App, 10), (App, Hour), (App, Hour + 5), ("{app=\"b\"}", Hour), ("{app=\"b\"}", (2 * Hour) - 1), (App, 2 * Hour));
        foreach (var direction in new[] { Direction.Forward, Direction.Backward })
        {
            foreach (var limit in new[] { 1, 2, 3, 4, 100 })
            {
                var request = new FrontendRequest("t", App, T0, T0 + (3 * Hour), direction, limit);
                var split = Build.Run(Frontend(LogModel.Executor(store)), request);
                var whole = Build.Run(Frontend(LogModel.Executor(store), interval: TimeSpan.Zero), request);
                split.SplitsMerged.ShouldBeGreaterThanOrEqualTo(1);
                split.Result.ShouldBe(whole.Result, $"{direction} limit {limit}");
            }
        }
    }

    [Fact]
    public void EntryOnASplitBoundary_IsReturnedOnce_UnlessBoundsAreInclusive()
    {
        var store = Store((App, Hour));
        var request = new FrontendRequest("t", App, T0, T0 + (2 * Hour), Direction.Forward, 100);

        Build.Run(Frontend(LogModel.Executor(store), deduplicating: false), request).Result.EntryCount.ShouldBe(1);
        Build.Run(Frontend(LogModel.Executor(store), deduplicating: false, faults: FrontendFaults.SplitBoundsInclusive), request).Result.EntryCount.ShouldBe(2);
        Build.Run(Frontend(LogModel.Executor(store), deduplicating: true, faults: FrontendFaults.SplitBoundsInclusive), request).Result.EntryCount.ShouldBe(1);
    }

    [Fact]
    public void OverlappingPieces_KeepDuplicatesInLokisMerge_G10()
    {
        var store = Store((App, Hour - 1), (App, Hour + 1));
        var bounds = new TimeRange(T0, T0 + (2 * Hour));
        var request = new FrontendRequest("t", App, bounds.StartNs, bounds.EndNs, Direction.Forward, 100);
        var overlapping = LogModel.Executor(store, widenNs: 10, bounds);

        Build.Run(Frontend(overlapping, deduplicating: false), request).Result.Streams.Single().Entries.Select(e => e.TimestampNs - T0)
            .ShouldBe([Hour - 1, Hour + 1, Hour - 1, Hour + 1]);
        Build.Run(Frontend(overlapping, deduplicating: true), request).Result.Streams.Single().Entries.Select(e => e.TimestampNs - T0)
            .ShouldBe([Hour - 1, Hour + 1]);
    }

    [Fact]
    public void FullTenantQueue_Answers429_AndLeavesNothingQueued()
    {
        var scheduler = new Scheduler(new SchedulerOptions { MaxOutstandingPerTenant = 1 });
        var frontend = new QueryFrontend(scheduler, new FrontendOptions { MaxQueryParallelism = 3 });

        var response = Build.Run(frontend, new FrontendRequest("t", App, T0, T0 + (3 * Hour)));

        response.StatusCode.ShouldBe(429);
        response.Error.ShouldBe("too many outstanding requests");
        scheduler.Queued("t").ShouldBe(0);
    }

    [Theory]
    [InlineData(0, 1, 0, "limit must be a positive value")]
    [InlineData(100, 0, 0, "end timestamp must not be before or equal to start time")]
    [InlineData(100, 0, -1, "end timestamp must not be before or equal to start time")]
    [InlineData(5001, 1, 0, "max entries limit per query exceeded, limit > max_entries_limit_per_query (5001 > 5000)")]
    [InlineData(100, 722, 0, "the query time range exceeds the limit (query length: 722h0m0s, limit: 30d1h)")]
    public void BadRequest_Answers400_WithLokisText(int limit, long hours, long extraNs, string error)
    {
        var response = Build.Run(Frontend(TwoPerPiece([])), new FrontendRequest("t", App, T0, T0 + (hours * Hour) + extraNs, Direction.Backward, limit));

        response.StatusCode.ShouldBe(400);
        response.Error.ShouldBe(error);
    }

    [Fact]
    public void QueryOfExactly721Hours_IsAccepted() =>
        Build.Run(Frontend(TwoPerPiece([])), new FrontendRequest("t", App, T0, T0 + (721 * Hour))).StatusCode.ShouldBe(200);

    private static QueryFrontend Frontend(
        Func<SplitRequest, CancellationToken, Task<QueryResult>> executor,
        int parallelism = 32,
        bool deduplicating = true,
        TimeSpan? interval = null,
        FrontendFaults faults = FrontendFaults.None) =>
        QueryFrontend.WithExecutor(
            executor,
            new FrontendOptions { SplitInterval = interval ?? TimeSpan.FromHours(1), Deduplicating = deduplicating, MaxQueryParallelism = parallelism },
            schedulerOptions: null,
            queriers: 1,
            faults);

    /// <summary>Every piece answers two entries, 1 s and 2 s before its end, in the piece's direction; records the calls.</summary>
    private static Func<SplitRequest, CancellationToken, Task<QueryResult>> TwoPerPiece(List<TimeRange> calls) =>
        Build.Executor(r =>
        {
            calls.Add(r.Range);
            var newestFirst = new[] { r.Range.EndNs - Build.Second, r.Range.EndNs - (2 * Build.Second) };
            return Build.Result(Build.Stream(App, r.Direction == Direction.Backward ? newestFirst : [.. newestFirst.Reverse()]));
        });

    private static ImmutableArray<StoredEntry> Store(params (string Labels, long OffsetNs)[] entries) =>
        [.. entries.Select(e => new StoredEntry(e.Labels, new LogEntry(T0 + e.OffsetNs, "line")))];
}
