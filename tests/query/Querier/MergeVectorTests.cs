using System.Globalization;
using System.Text.Json;
using Shouldly;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Querier;
using Verified.Tests.Shared;
using Xunit;
using LogEntry = Verified.Reference.Loki.Push.LogEntry;

namespace Verified.Query.Tests.Querier;

/// <summary>
/// The iterator and PushDeduplication cases of merge_dedupe_vectors.json (loki pkg/iter/entry_iterator_test.go,
/// pkg/ingester/stream_test.go). The frontend_split_merge cases belong to the Frontend tests.
/// </summary>
public sealed class MergeVectorTests
{
    private const long Second = 1_000_000_000L;

    private static JsonElement Case(string testName) =>
        SharedVectors.Load("loki/merge_dedupe_vectors.json").GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("source").GetString()!.Contains(testName, StringComparison.Ordinal));

    [Theory]
    [InlineData(Direction.Forward, "expected")]
    [InlineData(Direction.Backward, "expected_backward")]
    public void MergeIteratorDeduplication_SevenReplicasOfTwoStreams_KeepOneOfEach(Direction direction, string expectedName)
    {
        var c = Case("TestMergeIteratorDeduplication");
        string[] labels = ["{app=\"foo\"}", "{app=\"bar\"}", "{app=\"foo\"}", "{app=\"bar\"}", "{app=\"foo\"}", "{app=\"bar\"}", "{app=\"foo\"}"];
        var inputs = labels.Select(l => Stream(l, Fnv1a64(l), direction, 1, (1, "1"), (2, "2"), (3, "3"))).ToList(); // ts in ns

        var result = EntryMerger.Merge(inputs, direction);

        var expected = c.GetProperty(expectedName).EnumerateArray().Select(e => (e[0].GetString()!, e[1].GetInt64(), e[2].GetString()!)).ToList();
        result.Entries.Select(e => (e.Labels, e.Entry.TimestampNs, e.Entry.Line)).ShouldBe(expected);
        result.Duplicates.ShouldBe(inputs.Sum(i => i.Count) - expected.Count); // 21 in, 6 kept
    }

    [Theory]
    [InlineData(Direction.Forward)]
    [InlineData(Direction.Backward)]
    public void DuplicateCount_MatchesEveryCase(Direction direction)
    {
        var c = Case("Test_DuplicateCount");
        var stream = c.GetProperty("stream").EnumerateArray().Select(e => (e[0].GetInt64(), e[1].GetString()!)).ToArray();
        var hash = c.GetProperty("hash").GetUInt64();
        var labels = c.GetProperty("labels").GetString()!;
        IReadOnlyList<StreamEntry> Replica() => Stream(labels, hash, direction, Second, stream);
        IReadOnlyList<StreamEntry> Extra() => Stream(labels, hash, direction, Second, (4, "bar"));
        var ran = 0;
        foreach (var test in c.GetProperty("cases").EnumerateArray())
        {
            List<IReadOnlyList<StreamEntry>> inputs = test.GetProperty("name").GetString()! switch
            {
                "empty" => [],
                "replication 2 (FORWARD and BACKWARD)" => [Replica(), Replica()],
                "replication 3 + one extra stream [(4,\"bar\")]" => [Replica(), Replica(), Replica(), Extra()],
                "single" => [Extra()],
                var name => throw new InvalidOperationException($"unknown case {name}"),
            };

            EntryMerger.Merge(inputs, direction).Duplicates.ShouldBe(test.GetProperty("expected_duplicates").GetInt32(), test.GetProperty("name").GetString());
            ran++;
        }

        ran.ShouldBe(4);
    }

    [Fact]
    public void DedupeMergeEntryIterator_DropsSameTimestampDuplicates_AndKeepsEachInputsOrder()
    {
        var c = Case("TestDedupeMergeEntryIterator");
        var inputs = c.GetProperty("inputs").EnumerateArray()
            .Select(input => (IReadOnlyList<StreamEntry>)[.. input.EnumerateArray().Select(e => new StreamEntry(string.Empty, 0, new LogEntry((long)e[0].GetDouble(), e[1].GetString()!)))])
            .ToList();

        var result = EntryMerger.Merge(inputs, Direction.Forward);

        result.Entries.Length.ShouldBe(c.GetProperty("expected_count").GetInt32());
        var lines = result.Entries.Select(e => e.Entry.Line).ToList();
        var allowed = c.GetProperty("expected_lines_one_of").EnumerateArray().Select(o => o.EnumerateArray().Select(l => l.GetString()!).ToList());
        allowed.ShouldContain(option => option.SequenceEqual(lines));
    }

    [Fact]
    public void NoDedupDifferentStructuredMetadata_KeepsBoth()
    {
        var c = Case("TestMergeIteratorNoDedupDifferentStructuredMetadata");
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(input =>
        {
            var labels = input.GetProperty("labels").GetString()!;
            return (IReadOnlyList<StreamEntry>)[.. input.GetProperty("entries").EnumerateArray().Select(e => new StreamEntry(labels, Fnv1a64(labels), new LogEntry(
                (long)e[0].GetDouble(), e[1].GetString()!, [.. e[2].EnumerateObject().Select(p => new Label(p.Name, p.Value.GetString()!))])))];
        }).ToList();

        EntryMerger.Merge(inputs, Direction.Forward).Entries.Length.ShouldBe(c.GetProperty("expected_count").GetInt32());
    }

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
    public void IteratorVectorCasesAreAllHere() =>
        Case("TestIterator (dedupe cases)").GetProperty("cases").GetArrayLength().ShouldBe(3);

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

    /// <summary>FNV-1a 64 of the label string, the stream hash these upstream tests use.</summary>
    internal static ulong Fnv1a64(string text)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 0x100000001b3UL;
        }

        return hash;
    }

    private static IReadOnlyList<StreamEntry> Stream(string labels, ulong hash, Direction direction, long unit, params (long Ts, string Line)[] entries)
    {
        var tagged = entries.Select(e => new StreamEntry(labels, hash, new LogEntry(e.Ts * unit, e.Line)));
        return direction == Direction.Forward ? [.. tagged] : [.. tagged.Reverse()];
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
