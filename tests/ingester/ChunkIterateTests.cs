using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Reference.Loki.Chunks;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Verified.Routing;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>
/// <see cref="MemChunk.Iterate"/> (the querier's lazy read) against an obviously-correct model: the entries appended
/// (distinct lines, so the head block drops none) inside the range, oldest first — or newest first, same-nanosecond
/// entries reversed too — and the same sequence <see cref="MemChunk.Entries"/> gives; for chunks in memory and after a
/// store round trip, cut into small blocks, with out-of-order appends.
/// </summary>
public sealed class ChunkIterateTests
{
    private delegate IEnumerable<LogEntry> Reader(MemChunk chunk, long fromNs, long throughNs, bool backward);

    private static Gen<(long[] Stamps, int BlockSize, bool Close, long From, long Through, bool Backward)> Cases() =>
        from count in Gen.Choose(0, 60)
        from stamps in Gen.ArrayOf(Gen.Choose(0, 40).Select(t => (long)t), count)
        from blockSize in Gen.Choose(20, 200)
        from close in Gen.Elements(true, false)
        from start in Gen.Choose(-2, 42)
        from length in Gen.Choose(0, 45)
        from backward in Gen.Elements(true, false)
        select (stamps, blockSize, close, (long)start, (long)(start + length), backward);

    [Fact]
    public void Iterate_GivesTheEntriesInTheRange_InDirectionOrder() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(TestBudget.MaxTestOr(300)).WithQuietOnSuccess(true), IterateLaw((c, f, t, b) => c.Iterate(f, t, b)));

    [Fact]
    public void IterateLaw_CatchesABlockSkippedOneNanosecondTooEarly()
    {
        // A seeded bug of the kind the lazy read can have: a block whose last entry sits exactly at the range start is skipped.
        static IEnumerable<LogEntry> Broken(MemChunk chunk, long fromNs, long throughNs, bool backward) =>
            chunk.Iterate(fromNs + 1, throughNs, backward).Where(_ => true);

        var config = Config.QuickThrowOnFailure.WithMaxTest(1000).WithQuietOnSuccess(true)
            .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(20261125UL, 1442695040888963407UL), Microsoft.FSharp.Core.FSharpOption<int>.None)));
        Should.Throw<Exception>(() => Check.One(config, IterateLaw(Broken))).Message.ShouldContain("Falsifiable");
    }

    [Fact]
    public void OnlyTheBlocksReached_AreDecompressed()
    {
        var chunk = new MemChunk(blockSize: 100, targetSize: 0);
        for (var i = 0; i < 50; i++)
        {
            chunk.Append(new LogEntry(i, $"line {i:00} " + new string('x', 30)));
        }

        chunk.Close();
        var decoded = 0;
        chunk.Iterate(0, 50, backward: true, () => decoded++).First().TimestampNs.ShouldBe(49);
        decoded.ShouldBe(1);
        chunk.Iterate(10, 11, backward: false, () => decoded++).Single().TimestampNs.ShouldBe(10);
        decoded.ShouldBe(2);
        chunk.BlockCount.ShouldBeGreaterThan(5);
    }

    private static Property IterateLaw(Reader read) =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var chunk = new MemChunk(c.BlockSize, targetSize: 0);
            var appended = c.Stamps.Select((ts, i) => new LogEntry(ts, $"entry {i} " + new string('x', i % 7))).ToList();
            appended.ForEach(e => chunk.Append(e));
            if (c.Close)
            {
                chunk.Close();
            }

            var model = appended.Where(e => e.TimestampNs >= c.From && e.TimestampNs < c.Through).ToList();
            var expected = chunk.Entries(c.From, c.Through).ToList();
            expected.OrderBy(e => e.Line).ShouldBe(model.OrderBy(e => e.Line), "Entries disagrees with the model");
            if (c.Backward)
            {
                expected.Reverse();
            }

            var what = $"stamps [{string.Join(",", c.Stamps)}], block {c.BlockSize}, closed {c.Close}, [{c.From}, {c.Through}) {(c.Backward ? "backward" : "forward")}";
            read(chunk, c.From, c.Through, c.Backward).ToList().ShouldBe(expected, what);
            if (c.Close && !chunk.IsEmpty)
            {
                var labels = CanonicalLabels.Parse("{app=\"a\"}", LokiRouting.Instance.CanonicalLabels);
                var stored = StoredChunk.Encode("t", 1, labels, chunk);
                var (_, reopened) = StoredChunk.Open(stored.Key, stored.Bytes, c.BlockSize, 0);
                read(reopened, c.From, c.Through, c.Backward).ToList().ShouldBe(expected, what + ", after the store");
            }
        });
}
