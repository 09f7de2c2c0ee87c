using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>
/// loki/distributor_validation_vectors.json (Loki TestDistributor, Test_SortLabelsOnPush, TestDistributorPushErrors,
/// validate.go templates), read from ../shared/vectors. The vectors use the gRPC path.
/// </summary>
public sealed class VectorTests
{
    private const string File = "distributor_validation_vectors.json";

    public static TheoryData<int> CaseIndices()
    {
        using var doc = Vectors.Loki(File);
        var data = new TheoryData<int>();
        for (var i = 0; i < doc.RootElement.GetProperty("cases").GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    /// <summary>
    /// Setup: ingestion_rate = burst = 400 bytes/s (global strategy, one distributor), lines of 10 bytes,
    /// {foo="bar"}, 5 ingesters, RF 3, tenant "test".
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void TestDistributorCase_Reproduces(int index)
    {
        using var doc = Vectors.Loki(File);
        var c = doc.RootElement.GetProperty("cases")[index];
        var limits = DistributorLimits.Default.WithIngestionBytes(400, 400);
        if (c.TryGetProperty("max_line_size", out var maxLine))
        {
            limits = limits with { MaxLineSize = maxLine.GetInt32() };
        }

        var lines = c.GetProperty("lines").GetInt32();
        var selectors = Enumerable.Repeat("{foo=\"bar\"}", c.GetProperty("streams").GetInt32()).ToArray();
        if (c.TryGetProperty("labels", out var all))
        {
            selectors = selectors.Select(_ => all.GetString()!).ToArray();
        }

        if (c.TryGetProperty("first_stream_labels", out var first))
        {
            selectors[0] = first.GetString()!;
        }

        var harness = new Harness(ingesters: 5, path: PushPath.Grpc, limits: _ => limits);
        var result = harness.Push(Requests.Lines("test", lines, 10, selectors));

        if (c.TryGetProperty("expect", out var expect))
        {
            expect.GetString().ShouldBe("success (HTTP 204)");
            result.Response.ShouldBe(PushResponse.NoContent);
            result.Outcome.ShouldBe(PushOutcome.Acknowledged);
            return;
        }

        result.Response.StatusCode.ShouldBe(c.GetProperty("expect_status").GetInt32());
        if (c.TryGetProperty("expect_error", out var exact))
        {
            result.Response.Body.ShouldBe(exact.GetString());
        }
        else
        {
            // Groups follow Go map order upstream: compare them as a set.
            var expected = c.GetProperty("expect_error_contains").EnumerateArray().SelectMany(e => GroupedErrors.Parse(e.GetString()!)).ToHashSet();
            GroupedErrors.Parse(result.Response.Body).ToHashSet().SetEquals(expected).ShouldBeTrue(result.Response.Body);
        }
    }

    [Theory]
    [InlineData(PushPath.Grpc)]
    [InlineData(PushPath.Http)]
    public void SortLabelsOnPush_SendsTheSortedLabels(PushPath path)
    {
        using var doc = Vectors.Loki(File);
        var vector = doc.RootElement.GetProperty("label_canonicalisation");
        var harness = new Harness(path: path);
        harness.Push(Requests.Lines("fake", 1, 10, vector.GetProperty("input").GetString()!)).Outcome.ShouldBe(PushOutcome.Acknowledged);
        harness.Client.Calls.ShouldAllBe(call => call.Request.Streams.Single().Labels == vector.GetProperty("sent_to_ingester").GetString());
    }

    [Fact]
    public void ReplicationQuorumCases_Reproduce()
    {
        using var doc = Vectors.Loki(File);
        foreach (var c in doc.RootElement.GetProperty("replication_quorum").GetProperty("cases").EnumerateArray())
        {
            c.GetProperty("rf").GetInt32().ShouldBe(3);
            var results = c.GetProperty("ingester_results").EnumerateArray().Select(r => r.GetString()).ToArray();
            var harness = new Harness(ingesters: results.Length);
            for (var i = 0; i < results.Length; i++)
            {
                if (results[i] == "fail")
                {
                    harness.Client.Answer(TestRing.Address(i), 500, "ingester " + i + " failed");
                }
            }

            var result = harness.Push(Requests.Lines("fake", 10, 64, "{foo=\"bar\"}"));
            var success = c.GetProperty("push_result").GetString() == "success";
            result.Response.IsSuccess.ShouldBe(success, string.Join(",", results));
            result.Outcome.ShouldBe(success ? PushOutcome.Acknowledged : PushOutcome.Indefinite);
        }
    }

    [Fact]
    public void MessageTemplates_MatchOurTexts()
    {
        using var doc = Vectors.Loki(File);
        var m = doc.RootElement.GetProperty("messages");
        string T(string key) => m.GetProperty(key).GetString()!;

        T("no streams").ShouldBe(ValidationMessages.MissingStreams + " (422)");
        T("missing labels").ShouldBe(ValidationMessages.MissingLabels);
        ValidationMessages.InvalidLabels("{x", "e").ShouldBe(GoFormat.Sprintf(T("invalid labels"), "{x", "e"));
        ValidationMessages.LineTooLong(7, "{a=\"b\"}", 9).ShouldBe(GoFormat.Sprintf(T("line too long"), 7, "{a=\"b\"}", 9));
        ValidationMessages.TooOld("{a=\"b\"}", 0, 1_000_000_000).ShouldBe(GoFormat.Sprintf(T("too old"), "{a=\"b\"}", "1970-01-01T00:00:00Z", "1970-01-01T00:00:01Z"));
        ValidationMessages.TooNew("{a=\"b\"}", 0).ShouldBe(GoFormat.Sprintf(T("too new"), "{a=\"b\"}", "1970-01-01T00:00:00Z"));
        ValidationMessages.MaxLabelNames("{a=\"b\"}", 16, 15).ShouldBe(GoFormat.Sprintf(T("max label names"), "{a=\"b\"}", 16, 15));
        ValidationMessages.LabelNameTooLong("{a=\"b\"}", "a").ShouldBe(GoFormat.Sprintf(T("label name too long"), "{a=\"b\"}", "a"));
        ValidationMessages.LabelValueTooLong("{a=\"b\"}", "b").ShouldBe(GoFormat.Sprintf(T("label value too long"), "{a=\"b\"}", "b"));
        ValidationMessages.DuplicateLabelName("{a=\"b\"}", "a").ShouldBe(GoFormat.Sprintf(T("duplicate label"), "{a=\"b\"}", "a"));
        ValidationMessages.RateLimited("t", 400.7, 3, 30).ShouldBe(GoFormat.Sprintf(T("rate limited (429)"), "t", 400, 3, 30));
        ValidationMessages.StreamLimit("{a=\"b\"}", "t").ShouldBe(GoFormat.Sprintf(T("stream limit (429)"), "{a=\"b\"}", "t"));
        ValidationMessages.PerStreamRateLimit("3 MB", "{a=\"b\"}", "4 MB").ShouldBe(GoFormat.Sprintf(T("per-stream rate limit (429)"), "3 MB", "{a=\"b\"}", "4 MB"));
    }

    [Fact]
    public void RingQuorumTemplate_IsWhatAPushOnAOneInstanceRingAnswers()
    {
        using var doc = Vectors.Loki(File);
        var template = doc.RootElement.GetProperty("messages").GetProperty("ring quorum (500)").GetString()!;
        var harness = new Harness(ingesters: 1);
        var result = harness.Push(Requests.Lines("fake", 1, 10, "{foo=\"bar\"}"));
        result.Response.ShouldBe(new PushResponse(500, GoFormat.Sprintf(template[..template.IndexOf('[', StringComparison.Ordinal)], 2, 1)));
        result.Outcome.ShouldBe(PushOutcome.Rejected);
        harness.Client.Calls.ShouldBeEmpty();
    }
}
