using Shouldly;
using Verified.Conformance.History;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>The history checker catches each kind of violation and accepts what Loki allows.</summary>
public sealed class DurabilityCheckerTests
{
    private static readonly StreamEntry A = new("t", "{app=\"a\"}", new LogEntry(1, "a"));
    private static readonly StreamEntry B = new("t", "{app=\"a\"}", new LogEntry(2, "b"));

    [Fact]
    [Requirement("LOKI-DUR-2")]
    public void AcknowledgedEntryFound_IsNoViolation() =>
        DurabilityChecker.Check(History((A, PushVerdict.Acknowledged)).Read(A)).ShouldBeEmpty();

    [Fact]
    [Requirement("LOKI-DUR-2")]
    public void AcknowledgedEntryMissing_IsALostAck() =>
        DurabilityChecker.Check(History((A, PushVerdict.Acknowledged), (B, PushVerdict.Acknowledged)).Read(A)).Single().Kind.ShouldBe("lost-ack");

    [Fact]
    [Requirement("LOKI-DUR-6")]
    public void IndefiniteFailure_MayOrMayNotBeFound()
    {
        DurabilityChecker.Check(History((A, PushVerdict.IndefiniteFailure)).Read(A)).ShouldBeEmpty();
        DurabilityChecker.Check(History((A, PushVerdict.IndefiniteFailure)).Read()).ShouldBeEmpty();
    }

    [Fact]
    [Requirement("LOKI-DUR-6")]
    public void DefinitelyFailedEntryFound_IsAViolation() =>
        DurabilityChecker.Check(History((A, PushVerdict.DefiniteFailure)).Read(A)).Single().Kind.ShouldBe("definite-failure-visible");

    [Fact]
    [Requirement("LOKI-DUR-6")]
    public void DefinitelyFailedThenRetriedAndAcknowledged_IsFine() =>
        DurabilityChecker.Check(History((A, PushVerdict.DefiniteFailure), (A, PushVerdict.Acknowledged)).Read(A)).ShouldBeEmpty();

    [Fact]
    [Requirement("LOKI-DUR-2")]
    public void EntryNeverPushed_IsAPhantom() =>
        DurabilityChecker.Check(History((A, PushVerdict.Acknowledged)).Read(A, B)).Single().Kind.ShouldBe("phantom");

    private static WriteHistory History(params (StreamEntry Entry, PushVerdict Verdict)[] pushes)
    {
        var history = new WriteHistory();
        foreach (var (entry, verdict) in pushes)
        {
            history.AddPush([entry], verdict, verdict == PushVerdict.Acknowledged ? PushResponse.NoContent : new PushResponse(500, "x"));
        }

        return history;
    }
}

internal static class WriteHistoryTestExtensions
{
    public static WriteHistory Read(this WriteHistory history, params StreamEntry[] found)
    {
        history.AddRead([.. found]);
        return history;
    }
}
