using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Verified.Conformance.Checks;
using Verified.Conformance.Placement;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Querier;
using LogEntry = Verified.Reference.Loki.Push.LogEntry;

namespace Verified.Conformance.ReadPath;

/// <summary>
/// loki/merge_dedupe_vectors.json: the querier's iterator merge and dedupe (loki pkg/iter/entry_iterator_test.go) and
/// the frontend's split merge (Test_codec_MergeResponse). TestPushDeduplication is an ingester case, run by tests/query.
/// </summary>
public static partial class ReadPathVectors
{
    /// <summary>loki/merge_dedupe_vectors.json.</summary>
    public const string MergeDedupeFile = "loki/merge_dedupe_vectors.json";

    private const long Second = 1_000_000_000L;

    /// <summary>The iterator cases in both directions where the vector gives both, and the frontend codec cases.</summary>
    public static CheckOutcome MergeDedupe(CheckContext context) => VectorReport.Run(context, MergeDedupeFile, (root, report) =>
    {
        void Run(string name, Func<string?> body) => report.Case(name, () => report.Equal(name, "merged", (string?)null, body()));

        Run("TestMergeIteratorDeduplication FORWARD", () => MergeIteratorDeduplicationMismatch(root, Direction.Forward, "expected"));
        Run("TestMergeIteratorDeduplication BACKWARD", () => MergeIteratorDeduplicationMismatch(root, Direction.Backward, "expected_backward"));
        Run("Test_DuplicateCount FORWARD", () => DuplicateCountMismatch(root, Direction.Forward));
        Run("Test_DuplicateCount BACKWARD", () => DuplicateCountMismatch(root, Direction.Backward));
        Run("TestDedupeMergeEntryIterator", () => DedupeMergeEntryIteratorMismatch(root));
        Run("TestMergeIteratorNoDedupDifferentStructuredMetadata", () => NoDedupDifferentStructuredMetadataMismatch(root));
        Run("TestIterator dedupe cases", () => IteratorCasesMismatch(root));
        foreach (var c in root.GetProperty("frontend_split_merge").GetProperty("cases").EnumerateArray())
        {
            var name = "Test_codec_MergeResponse " + c.GetProperty("name").GetString();
            Run(name, () => FrontendMergeMismatch(c));
        }
    });

    /// <summary>The merge_dedupe case whose source names <paramref name="testName"/>.</summary>
    internal static JsonElement MergeCase(JsonElement root, string testName) =>
        root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("source").GetString()!.Contains(testName, StringComparison.Ordinal));

    /// <summary>Seven replicas of two streams (FNV-1a hashed) merge to one copy of each entry; the rest count as duplicates.</summary>
    internal static string? MergeIteratorDeduplicationMismatch(JsonElement root, Direction direction, string expectedName)
    {
        var c = MergeCase(root, "TestMergeIteratorDeduplication");
        string[] labels = ["{app=\"foo\"}", "{app=\"bar\"}", "{app=\"foo\"}", "{app=\"bar\"}", "{app=\"foo\"}", "{app=\"bar\"}", "{app=\"foo\"}"];
        var inputs = labels.Select(l => Stream(l, Fnv1a64(l), direction, 1, (1, "1"), (2, "2"), (3, "3"))).ToList(); // ts in ns
        var result = EntryMerger.Merge(inputs, direction);
        var expected = c.GetProperty(expectedName).EnumerateArray().Select(e => (e[0].GetString()!, e[1].GetInt64(), e[2].GetString()!)).ToList();
        var actual = result.Entries.Select(e => (e.Labels, e.Entry.TimestampNs, e.Entry.Line)).ToList();
        var duplicates = inputs.Sum(i => i.Count) - expected.Count;
        return actual.SequenceEqual(expected) && result.Duplicates == duplicates
            ? null
            : $"expected {string.Join(" ", expected)} ({duplicates} duplicates), actual {string.Join(" ", actual)} ({result.Duplicates} duplicates)";
    }

    /// <summary>Test_DuplicateCount: the merge counts the duplicates it drops, for each of the four cases.</summary>
    internal static string? DuplicateCountMismatch(JsonElement root, Direction direction)
    {
        var c = MergeCase(root, "Test_DuplicateCount");
        var stream = c.GetProperty("stream").EnumerateArray().Select(e => (e[0].GetInt64(), e[1].GetString()!)).ToArray();
        var hash = c.GetProperty("hash").GetUInt64();
        var labels = c.GetProperty("labels").GetString()!;
        IReadOnlyList<StreamEntry> Replica() => Stream(labels, hash, direction, Second, stream);
        IReadOnlyList<StreamEntry> Extra() => Stream(labels, hash, direction, Second, (4, "bar"));
        var mismatches = new List<string>();
        var ran = 0;
        foreach (var test in c.GetProperty("cases").EnumerateArray())
        {
            var name = test.GetProperty("name").GetString()!;
            List<IReadOnlyList<StreamEntry>> inputs = name switch
            {
                "empty" => [],
                "replication 2 (FORWARD and BACKWARD)" => [Replica(), Replica()],
                "replication 3 + one extra stream [(4,\"bar\")]" => [Replica(), Replica(), Replica(), Extra()],
                "single" => [Extra()],
                _ => throw new InvalidOperationException($"unknown Test_DuplicateCount case {name}"),
            };

            var expected = test.GetProperty("expected_duplicates").GetInt32();
            var actual = EntryMerger.Merge(inputs, direction).Duplicates;
            if (actual != expected)
            {
                mismatches.Add($"{name}: expected {expected} duplicates, actual {actual}");
            }

            ran++;
        }

        return ran != 4 ? $"expected 4 cases, found {ran}" : mismatches.Count == 0 ? null : string.Join("; ", mismatches);
    }

    /// <summary>Same-timestamp duplicates across inputs are dropped and each input keeps its order (one of the allowed line orders).</summary>
    internal static string? DedupeMergeEntryIteratorMismatch(JsonElement root)
    {
        var c = MergeCase(root, "TestDedupeMergeEntryIterator");
        var inputs = c.GetProperty("inputs").EnumerateArray()
            .Select(input => (IReadOnlyList<StreamEntry>)[.. input.EnumerateArray().Select(e => new StreamEntry(string.Empty, 0, new LogEntry((long)e[0].GetDouble(), e[1].GetString()!)))])
            .ToList();
        var lines = EntryMerger.Merge(inputs, Direction.Forward).Entries.Select(e => e.Entry.Line).ToList();
        var allowed = c.GetProperty("expected_lines_one_of").EnumerateArray().Select(o => o.EnumerateArray().Select(l => l.GetString()!).ToList()).ToList();
        return lines.Count == c.GetProperty("expected_count").GetInt32() && allowed.Any(option => option.SequenceEqual(lines))
            ? null
            : $"lines [{string.Join(",", lines)}] are not one of the allowed orders";
    }

    /// <summary>Entries equal but for their structured metadata are both kept.</summary>
    internal static string? NoDedupDifferentStructuredMetadataMismatch(JsonElement root)
    {
        var c = MergeCase(root, "TestMergeIteratorNoDedupDifferentStructuredMetadata");
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(input =>
        {
            var labels = input.GetProperty("labels").GetString()!;
            return (IReadOnlyList<StreamEntry>)[.. input.GetProperty("entries").EnumerateArray().Select(e => new StreamEntry(labels, Fnv1a64(labels), new LogEntry(
                (long)e[0].GetDouble(), e[1].GetString()!, [.. e[2].EnumerateObject().Select(p => new Label(p.Name, p.Value.GetString()!))])))];
        }).ToList();
        var expected = c.GetProperty("expected_count").GetInt32();
        var actual = EntryMerger.Merge(inputs, Direction.Forward).Entries.Length;
        return actual == expected ? null : $"expected {expected} entries, actual {actual}";
    }

    /// <summary>TestIterator's three dedupe cases, built from the generators the vector describes.</summary>
    internal static string? IteratorCasesMismatch(JsonElement root)
    {
        var count = MergeCase(root, "TestIterator (dedupe cases)").GetProperty("cases").GetArrayLength();
        var mismatches = new List<string>();
        if (count != 3)
        {
            mismatches.Add($"expected 3 cases, found {count}");
        }

        void Expect(string name, MergeResult result, IEnumerable<(long, string)> expected, int? duplicates = null)
        {
            var actual = result.Entries.Select(e => (e.Entry.TimestampNs, e.Entry.Line)).ToList();
            if (!actual.SequenceEqual(expected) || (duplicates is { } d && result.Duplicates != d))
            {
                mismatches.Add($"{name}: actual {string.Join(" ", actual.Take(25))} ({result.Duplicates} duplicates)");
            }
        }

        Expect("identity forward", EntryMerger.Merge([Generated(i => i), Generated(i => i + 5), Generated(i => i + 10)], Direction.Forward), Enumerable.Range(0, 20).Select(i => (i * Second, Str(i))));
        Expect("inverse backward", EntryMerger.Merge([Generated(i => -i), Generated(i => -(i + 5)), Generated(i => -(i + 10))], Direction.Backward), Enumerable.Range(0, 20).Select(i => (-i * Second, Str(-i))));
        Expect("constant forward", EntryMerger.Merge([Constant(0), Constant(0), Constant(10)], Direction.Forward), Enumerable.Range(0, 20).Select(i => (0L, Str(i))), duplicates: 10);
        return mismatches.Count == 0 ? null : string.Join("; ", mismatches);
    }

    /// <summary>A Test_codec_MergeResponse case: Loki's (non-deduplicating) frontend merge gives the expected streams.</summary>
    internal static string? FrontendMergeMismatch(JsonElement c)
    {
        var direction = c.GetProperty("direction").GetString() == "BACKWARD" ? Direction.Backward : Direction.Forward;
        var responses = c.GetProperty("responses").EnumerateArray()
            .Select(r => new QueryResult([.. r.EnumerateObject().Select(p => new ResultStream(p.Name, Entries(p.Value)))]))
            .ToList();
        var expected = new QueryResult([.. c.GetProperty("expected").EnumerateArray().Select(s => new ResultStream(s[0].GetString()!, Entries(s[1])))]);
        var actual = FrontendMerge.LokiCompatible(responses, c.GetProperty("limit").GetInt32(), direction);
        return actual == expected ? null : $"expected {Show(expected)}, actual {Show(actual)}";
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

    private static string Show(QueryResult result) =>
        string.Join(" ", result.Streams.Select(s => $"{s.Labels}[{string.Join(",", s.Entries.Select(e => $"{e.TimestampNs}:{e.Line}"))}]"));

    private static ImmutableArray<LogEntry> Entries(JsonElement values) =>
        [.. values.EnumerateArray().Select(v => new LogEntry(v[0].GetInt64(), v[1].GetString()!))];

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
}
