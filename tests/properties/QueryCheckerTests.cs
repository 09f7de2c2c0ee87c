using System.Collections.Immutable;
using Shouldly;
using Verified.Conformance.History;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>The query checker catches each kind of violation and accepts what Loki's read path may answer.</summary>
public sealed class QueryCheckerTests
{
    private const string App = "{app=\"a\"}";
    private const string Other = "{app=\"b\"}";
    private static readonly LogEntry One = new(10, "one");
    private static readonly LogEntry Two = new(20, "two");
    private static readonly LogEntry Three = new(30, "three");

    [Fact]
    [Requirement("LOKI-READ-1")]
    public void EverythingReturnedInOrder_IsNoViolation() =>
        Check(Acked(One, Two, Three), Query([Stream(App, One, Two, Three)])).ShouldBeEmpty();

    [Fact]
    [Requirement("LOKI-READ-1")]
    public void AcknowledgedEntryNotReturned_IsMissing() =>
        Kinds(Check(Acked(One, Two, Three), Query([Stream(App, One, Three)]))).ShouldBe(["missing"]);

    [Fact]
    [Requirement("LOKI-READ-1")]
    public void UnacknowledgedEntryNotReturned_IsFine()
    {
        var history = Acked(One);
        history.AddPush([new StreamEntry("t", App, Two)], PushVerdict.IndefiniteFailure, new PushResponse(500, "x"));
        Check(history, Query([Stream(App, One)])).ShouldBeEmpty();
        Check(history, Query([Stream(App, One, Two)])).ShouldBeEmpty();
    }

    [Fact]
    [Requirement("LOKI-READ-3")]
    public void Limit_RequiresTheEntriesNearestTheStartingEdge()
    {
        Check(Acked(One, Two, Three), Query([Stream(App, One, Two)], limit: 2)).ShouldBeEmpty();
        Check(Acked(One, Two, Three), Query([Stream(App, Three, Two)], limit: 2, backward: true)).ShouldBeEmpty();
        Kinds(Check(Acked(One, Two, Three), Query([Stream(App, One, Three)], limit: 2))).ShouldBe(["missing"]);
        Kinds(Check(Acked(One, Two, Three), Query([Stream(App, One, Two, Three)], limit: 2))).ShouldBe(["limit"]);
    }

    [Fact]
    [Requirement("LOKI-READ-2")]
    public void EntryReturnedTwice_IsADuplicate() =>
        Kinds(Check(Acked(One, Two), Query([Stream(App, One, One, Two)]))).ShouldBe(["duplicate"]);

    [Fact]
    [Requirement("LOKI-READ-2")]
    public void EntryNeverPushedOrOutOfRange_IsAPhantom()
    {
        Kinds(Check(Acked(One), Query([Stream(App, One, Two)]))).ShouldBe(["phantom"]);
        Kinds(Check(Acked(One, Three), Query([Stream(App, One, Three)], end: 25))).ShouldBe(["phantom"]);
    }

    [Fact]
    [Requirement("LOKI-READ-5")]
    public void AnotherTenantsEntry_IsAPhantom()
    {
        var history = Acked(One);
        history.AddPush([new StreamEntry("other", App, Two)], PushVerdict.Acknowledged, PushResponse.NoContent);
        Kinds(Check(history, Query([Stream(App, One, Two)]))).ShouldBe(["phantom"]);
    }

    [Fact]
    [Requirement("LOKI-READ-3")]
    public void EntriesAgainstTheDirection_OrStreamsUnsorted_AreOrderViolations()
    {
        Kinds(Check(Acked(One, Two), Query([Stream(App, Two, One)]))).ShouldBe(["order"]);
        Kinds(Check(Acked(One, Two), Query([Stream(App, One, Two)], backward: true))).ShouldBe(["order"]);
        var history = Acked(One);
        history.AddPush([new StreamEntry("t", Other, Two)], PushVerdict.Acknowledged, PushResponse.NoContent);
        Kinds(Check(history, Query([Stream(Other, Two), Stream(App, One)], selector: _ => true))).ShouldBe(["order"]);
    }

    [Fact]
    [Requirement("LOKI-READ-1")]
    public void UnselectedStreamReturned_IsAPhantom_AndNotRequired()
    {
        var history = Acked(One);
        history.AddPush([new StreamEntry("t", Other, Two)], PushVerdict.Acknowledged, PushResponse.NoContent);
        Check(history, Query([Stream(App, One)])).ShouldBeEmpty();
        Kinds(Check(history, Query([Stream(App, One), Stream(Other, Two)]))).ShouldBe(["phantom"]);
    }

    [Fact]
    public void FailedQuery_IsJudgedOnNothing() =>
        Check(Acked(One), Query([], error: "max entries limit per query exceeded")).ShouldBeEmpty();

    private static ImmutableArray<Violation> Check(WriteHistory history, QueryRecord query) => QueryChecker.Check(history, query);

    private static string[] Kinds(ImmutableArray<Violation> violations) => [.. violations.Select(v => v.Kind)];

    private static WriteHistory Acked(params LogEntry[] entries)
    {
        var history = new WriteHistory();
        history.AddPush([.. entries.Select(e => new StreamEntry("t", App, e))], PushVerdict.Acknowledged, PushResponse.NoContent);
        return history;
    }

    private static ReturnedStream Stream(string labels, params LogEntry[] entries) => new(labels, [.. entries]);

    private static QueryRecord Query(ImmutableArray<ReturnedStream> returned, int limit = 100, bool backward = false, long end = 1000, Func<string, bool>? selector = null, string? error = null) =>
        new(long.MaxValue, "t", "{app=\"a\"}", selector ?? (l => l == App), 0, end, backward, limit, returned, error);
}
