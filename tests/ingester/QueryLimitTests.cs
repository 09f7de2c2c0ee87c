using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Push;
using Verified.Reference.Loki.Querier;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>
/// An ingester asked with a limit (and a pipeline filter) sends less, but never less than the querier needs: the
/// querier's merge over the limited answer gives the same first <c>limit</c> entries as over the whole answer —
/// with same-nanosecond entries across streams, repeated entries, out-of-order writes and many small blocks and chunks.
/// </summary>
public sealed class QueryLimitTests
{
    private static readonly string[] Streams = ["{app=\"a\"}", "{app=\"b\"}", "{app=\"c\"}"];

    private static Gen<(int Stream, int Offset, string Line)[]> Pushes() =>
        Gen.ArrayOf(
            from stream in Gen.Choose(0, 2)
            from offset in Gen.Choose(0, 12)
            from line in Gen.Elements("a", "b", "c", "dd")
            select (stream, offset, line));

    private static Gen<((int Stream, int Offset, string Line)[] Pushes, int Limit, Direction Direction, bool Filter)> Cases() =>
        from pushes in Pushes()
        from limit in Gen.Choose(1, 8)
        from direction in Gen.Elements(Direction.Forward, Direction.Backward)
        from filter in Gen.Elements(true, false)
        select (pushes, limit, direction, filter);

    [Fact]
    public void ALimitedAnswer_MergesToTheSameFirstEntries_AsTheWholeAnswer() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(TestBudget.MaxTestOr(150)).WithQuietOnSuccess(true), Law(IngesterFaults.None));

    [Fact]
    public void TheLaw_CatchesALimitThatCutsTies()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(1000).WithQuietOnSuccess(true)
            .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(20261125UL, 1442695040888963407UL), Microsoft.FSharp.Core.FSharpOption<int>.None)));
        Should.Throw<Exception>(() => Check.One(config, Law(IngesterFaults.QueryLimitCutsTies))).Message.ShouldContain("Falsifiable");
    }

    private static Property Law(IngesterFaults faults) =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var (pushes, limit, direction, filter) = c;
            var harness = new IngesterHarness(IngesterConfig.Default with { BlockSize = 24, TargetChunkSize = 120 }, faults);
            var ingester = harness.StartAsync().GetAwaiter().GetResult();
            var now = IngesterHarness.BaseNs;
            foreach (var (stream, offset, line) in pushes)
            {
                ingester.PushAsync(IngesterHarness.Request(Streams[stream], (now + offset, line))).GetAwaiter().GetResult();
            }

            Func<string, LogEntry, bool>? keeps = filter ? (_, e) => e.Line != "b" : null;
            var whole = ingester.QueryAsync(IngesterHarness.Tenant, now, now + 10, _ => true).GetAwaiter().GetResult();
            var limited = ingester.QueryAsync(new IngesterQuery(IngesterHarness.Tenant, now, now + 10, _ => true, direction, limit, keeps)).GetAwaiter().GetResult();

            var expected = First(whole, direction, limit, keeps);
            var actual = First(limited, direction, limit, keeps);
            actual.ShouldBe(expected, $"pushes {string.Join(" ", pushes.Select(p => $"{p.Stream}@{p.Offset}:{p.Line}"))}, limit {limit} {direction}, filter {filter}");
        });

    /// <summary>
    /// What the querier makes of one ingester's answer: merged (dedupe included; each stream its own hash, so only
    /// copies within a stream are duplicates), filtered, the first <paramref name="limit"/>.
    /// </summary>
    private static List<string> First(IReadOnlyList<IngesterQueryStream> answer, Direction direction, int limit, Func<string, LogEntry, bool>? keeps)
    {
        var inputs = answer
            .Select(s => (IReadOnlyList<StreamEntry>)[.. (direction == Direction.Forward ? s.Entries : s.Entries.Reverse()).Select(e => new StreamEntry(s.Labels, (ulong)Array.IndexOf(Streams, s.Labels) + 1, e))])
            .ToList();
        return [.. EntryMerger.Merge(inputs, direction).Entries
            .Where(e => keeps?.Invoke(e.Labels, e.Entry) ?? true)
            .Take(limit)
            .Select(e => $"{e.Labels}@{e.Entry.TimestampNs}:{e.Entry.Line}")];
    }
}
