using System.Text.Json;
using Shouldly;
using Verified.Conformance.ReadPath;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Query.Tests.Frontend;

/// <summary>
/// loki/merge_dedupe_vectors.json <c>frontend_split_merge</c> (upstream Test_codec_MergeResponse), case by case through the
/// runner <c>verified check</c> uses (<see cref="ReadPathVectors.FrontendMergeMismatch"/>).
/// </summary>
public sealed class MergeVectorTests
{
    private const string Debug = "{foo=\"bar\", level=\"debug\"}";
    private const string Error = "{foo=\"bar\", level=\"error\"}";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Section().GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Fact]
    public void VectorFile_HasTheThreeCodecCases() => Cases().Count.ShouldBe(3);

    [Theory]
    [MemberData(nameof(Cases))]
    public void LokiCompatibleMerge_MatchesTheVector(string name)
    {
        var c = Section().GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        ReadPathVectors.FrontendMergeMismatch(c).ShouldBeNull();
    }

    [Fact]
    public void BackwardLimitedCase_KeepsTheDuplicateInLokisMerge_AndDropsItWhenDeduplicating()
    {
        var responses = new List<QueryResult>
        {
            Build.Result(Build.Stream(Error, 10, 9, 9), Build.Stream(Debug, 16, 15)),
            Build.Result(Build.Stream(Error, 2, 1), Build.Stream(Debug, 6, 5)),
        };

        FrontendMerge.LokiCompatible(responses, 6, Direction.Backward)
            .ShouldBe(Build.Result(Build.Stream(Debug, 16, 15, 6), Build.Stream(Error, 10, 9, 9)));
        FrontendMerge.Deduplicating(responses, 6, Direction.Backward)
            .ShouldBe(Build.Result(Build.Stream(Debug, 16, 15, 6, 5), Build.Stream(Error, 10, 9)));
    }

    [Fact]
    public void Merge_StopsTakingResponsesOnceTheLimitIsReached()
    {
        // The second response reaches 3 ≥ limit 2, so the third (with an older-looking "1") is never looked at.
        var responses = new List<QueryResult>
        {
            Build.Result(Build.Stream("{a=\"1\"}", 5)),
            Build.Result(Build.Stream("{a=\"1\"}", 7, 8)),
            Build.Result(Build.Stream("{a=\"0\"}", 1)),
        };

        FrontendMerge.LokiCompatible(responses, 2, Direction.Forward).ShouldBe(Build.Result(Build.Stream("{a=\"1\"}", 5, 7)));
    }

    [Fact]
    public void DeduplicatingMerge_KeepsEntriesThatDifferOnlyInStructuredMetadata()
    {
        var plain = new LogEntry(5, "line");
        var traced = new LogEntry(5, "line", [new Label("trace_id", "1")]);
        var responses = new List<QueryResult> { new([new ResultStream("{a=\"1\"}", [plain, traced])]), new([new ResultStream("{a=\"1\"}", [plain])]) };

        FrontendMerge.Deduplicating(responses, 10, Direction.Forward).Streams.Single().Entries.ShouldBe([plain, traced]);
        FrontendMerge.Merge(responses, 10, Direction.Forward, deduplicate: true, FrontendFaults.DedupeIgnoresStructuredMetadata)
            .Streams.Single().Entries.ShouldBe([plain]);
    }

    [Fact]
    public void LokisMerge_ConcatenatesOverlappingAnswersOutOfOrder()
    {
        // Loki assumes pieces do not overlap: two answers covering the same time are concatenated, not interleaved.
        var responses = new List<QueryResult> { Build.Result(Build.Stream("{a=\"1\"}", 1, 5)), Build.Result(Build.Stream("{a=\"1\"}", 3, 5)) };

        FrontendMerge.LokiCompatible(responses, 10, Direction.Forward).ShouldBe(Build.Result(Build.Stream("{a=\"1\"}", 1, 5, 3, 5)));
        FrontendMerge.Deduplicating(responses, 10, Direction.Forward).ShouldBe(Build.Result(Build.Stream("{a=\"1\"}", 1, 3, 5)));
    }

    [Fact]
    public void NonPositiveLimit_IsRejected() =>
        Should.Throw<ArgumentOutOfRangeException>(() => FrontendMerge.LokiCompatible([], 0, Direction.Forward));

    private static JsonElement Section() => SharedVectors.Load(ReadPathVectors.MergeDedupeFile).GetProperty("frontend_split_merge");
}
