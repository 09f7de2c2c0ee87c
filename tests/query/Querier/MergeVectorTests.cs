using System.Globalization;
using System.Text.Json;
using Shouldly;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Querier;
using Verified.Tests.Shared;
using Xunit;
using LogEntry = Verified.Reference.Loki.Push.LogEntry;

namespace Verified.Query.Tests.Querier;

/// <summary>
/// The iterator and PushDeduplication cases of merge_dedupe_vectors.json (loki pkg/iter/entry_iterator_test.go,
/// pkg/ingester/stream_test.go), case by case through the runners <c>verified check</c> uses
/// (<see cref="ReadPathVectors"/>), plus an end-to-end check of TestIterator and of the ingester-side push dedupe.
/// The frontend_split_merge cases belong to the Frontend tests.
/// </summary>
public sealed class MergeVectorTests
{
    private const long Second = 1_000_000_000L;

    private static JsonElement Root => SharedVectors.Load("loki/merge_dedupe_vectors.json");

    private static JsonElement Case(string testName) => ReadPathVectors.MergeCase(Root, testName);

    [Theory]
    [InlineData(Direction.Forward, "expected")]
    [InlineData(Direction.Backward, "expected_backward")]
    public void MergeIteratorDeduplication_SevenReplicasOfTwoStreams_KeepOneOfEach(Direction direction, string expectedName) =>
        ReadPathVectors.MergeIteratorDeduplicationMismatch(Root, direction, expectedName).ShouldBeNull(); // 21 in, 6 kept

    [Theory]
    [InlineData(Direction.Forward)]
    [InlineData(Direction.Backward)]
    public void DuplicateCount_MatchesEveryCase(Direction direction) =>
        ReadPathVectors.DuplicateCountMismatch(Root, direction).ShouldBeNull();

    [Fact]
    public void DedupeMergeEntryIterator_DropsSameTimestampDuplicates_AndKeepsEachInputsOrder() =>
        ReadPathVectors.DedupeMergeEntryIteratorMismatch(Root).ShouldBeNull();

    [Fact]
    public void NoDedupDifferentStructuredMetadata_KeepsBoth() =>
        ReadPathVectors.NoDedupDifferentStructuredMetadataMismatch(Root).ShouldBeNull();

    [Fact]
    public void Iterator_ThreeOverlappingIdentityIterators_Forward_GiveZeroToNineteen()
    {
        IReadOnlyList<StreamEntry>[] inputs = [Generated(i => i), Generated(i => i + 5), Generated(i => i + 10)];
        var result = EntryMerger.Merge(inputs, Direction.Forward);
        Pairs(result).ShouldBe(Enumerable.Range(0, 20).Select(i => (i * Second, Str(i))));
    }

    [Fact]
    public void Iterator_ThreeOverlappingInverseIterators_Backward_GiveZeroToMinusNineteen()
    {
        IReadOnlyList<StreamEntry>[] inputs = [Generated(i => -i), Generated(i => -(i + 5)), Generated(i => -(i + 10))];
        var result = EntryMerger.Merge(inputs, Direction.Backward);
        Pairs(result).ShouldBe(Enumerable.Range(0, 20).Select(i => (-i * Second, Str(-i))));
    }

    [Fact]
    public void Iterator_ConstantTimestampIterators_KeepLinesInOrder_AndDropTheIdenticalIterator()
    {
        IReadOnlyList<StreamEntry>[] inputs = [Constant(0), Constant(0), Constant(10)];
        var result = EntryMerger.Merge(inputs, Direction.Forward);
        Pairs(result).ShouldBe(Enumerable.Range(0, 20).Select(i => (0L, Str(i))));
        result.Duplicates.ShouldBe(10);
    }

    [Fact]
    public void IteratorVectorCasesAreAllHere_AndTheCheckRunsThem()
    {
        Case("TestIterator (dedupe cases)").GetProperty("cases").GetArrayLength().ShouldBe(3);
        ReadPathVectors.IteratorCasesMismatch(Root).ShouldBeNull();
    }

    [Fact]
    public async Task PushDeduplication_IngesterKeepsTwoOfThreeEntries()
    {
        var c = Case("TestPushDeduplication");
        var harness = await QuerierHarness.StartAsync(ingesters: 1);
        var entries = c.GetProperty("push").EnumerateArray().Select(e => (QuerierHarness.Hour + (long)e[0].GetDouble(), e[1].GetString()!)).ToArray();
        await harness.PushAsync("{app=\"a\"}", entries.Select(e => new LogEntry(e.Item1, e.Item2)), to: 0);

        var held = await harness.Ingesters[0].QueryAsync(QuerierHarness.Tenant, long.MinValue, long.MaxValue, _ => true);

        held.Sum(s => s.Entries.Length).ShouldBe(c.GetProperty("expected_chunk_entries").GetInt32());
    }

    /// <summary>Ten entries i = 0..9 at ts = f(i) seconds with line str(f(i)) (upstream identity/offset/inverse).</summary>
    private static IReadOnlyList<StreamEntry> Generated(Func<int, int> f) =>
        [.. Enumerable.Range(0, 10).Select(i => new StreamEntry("{foo=\"baz\"}", 0, new LogEntry(f(i) * Second, Str(f(i)))))];

    /// <summary>offset(j, constant(0)): ten entries at ts 0 with lines str(i + j).</summary>
    private static IReadOnlyList<StreamEntry> Constant(int offset) =>
        [.. Enumerable.Range(0, 10).Select(i => new StreamEntry("{foo=\"baz\"}", 0, new LogEntry(0, Str(i + offset))))];

    private static string Str(long i) => i.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<(long, string)> Pairs(MergeResult result) => result.Entries.Select(e => (e.Entry.TimestampNs, e.Entry.Line));
}
