using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Querier;
using Xunit;
using LogEntry = Verified.Reference.Loki.Push.LogEntry;

namespace Verified.Query.Tests.Querier;

/// <summary>
/// The merge law (LOKI.md §6 Merge) against an obviously-correct model: for inputs each ordered as a Loki iterator
/// yields them, the merge returns every distinct (stream, entry) exactly once, in direction order. Negative
/// controls run the same law against the seeded merge bugs and demand a counterexample.
/// </summary>
public sealed class MergePropertyTests
{
    private static readonly (string Labels, ulong Hash)[] Streams = [("{app=\"a\"}", 11), ("{app=\"b\"}", 7)];

    /// <summary>1–4 inputs of 0–8 entries over 2 streams, 4 timestamps, 3 lines, optional structured metadata; each input sorted as an iterator yields it.</summary>
    private static Gen<(Direction Direction, StreamEntry[][] Inputs)> Cases() =>
        from direction in Gen.Elements(Direction.Forward, Direction.Backward)
        from count in Gen.Choose(1, 4)
        from inputs in Gen.ListOf(Input(direction), count)
        select (direction, inputs.ToArray());

    private static Gen<StreamEntry[]> Input(Direction direction) =>
        from length in Gen.Choose(0, 8)
        from entries in Gen.ListOf(Entry(), length)
        select Ordered([.. entries], direction);

    private static Gen<StreamEntry> Entry() =>
        from stream in Gen.Elements(Streams)
        from ts in Gen.Choose(0, 3)
        from line in Gen.Elements("x", "y", "z")
        from trace in Gen.Elements(string.Empty, "t1")
        select new StreamEntry(stream.Labels, stream.Hash, new LogEntry(ts, line, trace.Length == 0 ? [] : [new Label("trace_id", trace)]));

    [Fact]
    public void Merge_ReturnsEveryDistinctStreamEntryOnce_InDirectionOrder() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true), MergeMatchesTheModel(QuerierFaults.None));

    [Theory]
    [InlineData(nameof(QuerierFaults.NoDedupe))]
    [InlineData(nameof(QuerierFaults.DedupeAcrossStreams))]
    public void MergeLaw_CatchesSeededBug(string fault)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(1000).WithQuietOnSuccess(true)
            .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(20260101UL, 1442695040888963407UL), Microsoft.FSharp.Core.FSharpOption<int>.None)));
        var failure = Should.Throw<Exception>(() => Check.One(config, MergeMatchesTheModel(Enum.Parse<QuerierFaults>(fault))));
        failure.Message.ShouldContain("Falsifiable");
    }

    private static Property MergeMatchesTheModel(QuerierFaults faults) =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var result = EntryMerger.Merge(c.Inputs, c.Direction, faults);
            var model = c.Inputs.SelectMany(i => i).Select(Key).Distinct().Order(StringComparer.Ordinal);
            result.Entries.Select(Key).Order(StringComparer.Ordinal).ShouldBe(model);
            for (var i = 1; i < result.Entries.Length; i++)
            {
                EntryMerger.Compare(result.Entries[i - 1], result.Entries[i], c.Direction).ShouldBeLessThanOrEqualTo(0);
            }
        });

    private static StreamEntry[] Ordered(StreamEntry[] entries, Direction direction) =>
        [.. entries.Order(Comparer<StreamEntry>.Create((a, b) => EntryMerger.Compare(a, b, direction)))];

    private static string Key(StreamEntry e) =>
        $"{e.Labels}|{e.Entry.TimestampNs}|{e.Entry.Line}|{string.Join(',', e.Entry.StructuredMetadata.Select(l => l.Name + "=" + l.Value))}";
}
