using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>
/// Structured metadata of valid entries: names normalised by otlptranslator's LabelNamer{}, U+FFFD in values made a
/// space, pairs sorted by name (Loki round-trips them through sorted labels); an unusable name is a 500.
/// </summary>
public sealed class StructuredMetadataTests
{
    [Fact]
    public void Pairs_AreSentSortedByName()
    {
        Sent(("b", "1"), ("a", "2"), ("C", "3")).ShouldBe([new Label("C", "3"), new Label("a", "2"), new Label("b", "1")]);
    }

    [Theory]
    [InlineData("trace.id", "trace_id")]
    [InlineData("a..b--c", "a_b_c")]
    [InlineData("a__b", "a_b")] // runs of underscores collapse too
    [InlineData("1abc", "key_1abc")]
    [InlineData("__meta.x__", "__meta_x__")] // reserved underscores kept
    [InlineData("_x", "_x")]
    [InlineData("naïve", "na_ve")]
    public void Names_AreNormalised(string name, string normalized) =>
        Sent((name, "v")).ShouldBe([new Label(normalized, "v")]);

    [Fact]
    public void ReplacementCharacterInValue_BecomesASpace() =>
        Sent(("k", "a\uFFFDb")).ShouldBe([new Label("k", "a b")]);

    [Fact]
    public void NormalisedNameCollidingWithAnother_ReplacesIt()
    {
        // Builder: Del("a.b"), Set("a_b", "1"); the existing a_b=2 is replaced, so one pair is left.
        Sent(("a.b", "1"), ("a_b", "2")).ShouldBe([new Label("a_b", "1")]);
    }

    [Theory]
    [InlineData("", "label name is empty")]
    [InlineData("_", "normalization for label name \"_\" resulted in invalid name \"_\"")]
    [InlineData("é", "normalization for label name \"é\" resulted in invalid name \"_\"")]
    public void UnusableName_FailsTheWholeRequestWith500(string name, string body)
    {
        var harness = new Harness(path: PushPath.Grpc);
        var request = new PushRequest("fake", [new PushStream("{a=\"1\"}", [Requests.At(0)]), new PushStream("{a=\"2\"}", [Requests.WithMetadata("l", (name, "v"))])]);
        var result = harness.Push(request);
        result.Response.ShouldBe(new PushResponse(500, body));
        result.Outcome.ShouldBe(PushOutcome.Rejected);
        harness.Client.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void InvalidEntry_IsNotSanitised_SoItsBadNameDoesNotFailTheRequest()
    {
        var harness = new Harness(path: PushPath.Grpc);
        var result = harness.Push(Requests.Stream("fake", "{a=\"1\"}", Requests.At(0), new LogEntry(Harness.NowNs + 3_600_000_000_000, "late", [new Label("_", "v")])));
        result.Response.StatusCode.ShouldBe(400);
    }

    [Fact]
    public void RateLimit_CountsTheNormalisedMetadata()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default.WithIngestionBytes(1, 1));
        harness.Push(Requests.Stream("fake", "{a=\"1\"}", Requests.WithMetadata("l", ("1a", "v")))).Response.Body
            .ShouldContain("'1' lines totaling '8' bytes"); // "l" + "key_1a" + "v"
    }

    private static IReadOnlyList<Label> Sent(params (string Name, string Value)[] metadata)
    {
        var harness = new Harness(path: PushPath.Grpc);
        harness.Push(Requests.Stream("fake", "{a=\"b\"}", Requests.WithMetadata("line", metadata))).Response.ShouldBe(PushResponse.NoContent);
        return [.. harness.Client.Calls[0].Request.Streams.Single().Entries.Single().StructuredMetadata];
    }
}
