using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>
/// LOKI.md §3 order: tenant → label parse (HTTP, whole request) → zero streams → per-stream validation (labels,
/// then entries, each in Loki's order) → rate limit → ring → send. Each test pits two failures against each other.
/// </summary>
public sealed class CheckOrderTests
{
    private static readonly PushStream BadSelector = new("{ab\"", [Requests.At(0)]);
    private static readonly PushStream Good = new("{a=\"b\"}", [Requests.At(0)]);

    [Fact]
    public void MissingTenant_Before_Everything()
    {
        var harness = new Harness();
        harness.Push(new PushRequest("", [])).Response.ShouldBe(new PushResponse(401, "no org id"));
        harness.Push(new PushRequest("", [BadSelector])).Response.ShouldBe(new PushResponse(401, "no org id"));
    }

    [Fact]
    public void HostileTenant_Before_LabelParsing()
    {
        var harness = new Harness();
        var result = harness.Push(new PushRequest("../etc", [BadSelector]));
        result.Response.ShouldBe(new PushResponse(400, "tenant ID '../etc' contains unsupported character '/'"));
        result.Outcome.ShouldBe(PushOutcome.Rejected);
    }

    [Fact]
    public void HttpLabelParseError_RejectsTheWholeRequest_NothingSent()
    {
        var harness = new Harness(path: PushPath.Http);
        var result = harness.Push(new PushRequest("fake", [Good, BadSelector]));
        result.Response.ShouldBe(new PushResponse(400, "couldn't parse labels: 1:4: parse error: unterminated quoted string"));
        result.Outcome.ShouldBe(PushOutcome.Rejected);
        harness.Client.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void GrpcLabelParseError_IsOneInvalidStream_TheOthersAreWritten()
    {
        var harness = new Harness(path: PushPath.Grpc);
        var result = harness.Push(new PushRequest("fake", [Good, BadSelector]));
        result.Response.ShouldBe(new PushResponse(400, "error parsing labels '{ab\"' with error: 1:4: parse error: unterminated quoted string"));
        result.Outcome.ShouldBe(PushOutcome.PartiallyAcknowledged);
        harness.Client.Calls.Count.ShouldBe(3);
    }

    [Fact]
    public void ZeroStreams_Answer422()
    {
        var result = new Harness().Push(new PushRequest("fake", []));
        result.Response.ShouldBe(new PushResponse(422, "error at least one valid stream is required for ingestion"));
        result.Outcome.ShouldBe(PushOutcome.Rejected);
    }

    [Fact]
    public void StreamsWithoutEntries_AreSkipped_204NothingSent()
    {
        var harness = new Harness();
        var result = harness.Push(new PushRequest("fake", [new PushStream("{a=\"b\"}", []), new PushStream("{a=\"\"}", [])]));
        result.Response.ShouldBe(PushResponse.NoContent);
        result.Outcome.ShouldBe(PushOutcome.Acknowledged);
        result.Streams.ShouldBeEmpty();
        harness.Client.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void LabelChecks_TooManyNamesBeforeALongName()
    {
        var limits = DistributorLimits.Default with { MaxLabelNamesPerSeries = 1, MaxLabelNameLength = 2 };
        var selector = "{abc=\"1\", d=\"2\"}";
        Push(limits, selector).Response.Body.ShouldBe($"entry for stream '{selector}' has 2 label names; limit 1");
    }

    [Fact]
    public void LabelChecks_PerLabelInSortedOrder_NameBeforeValueBeforeDuplicate()
    {
        var limits = DistributorLimits.Default with { MaxLabelNameLength = 2, MaxLabelValueLength = 2 };
        // Sorted: aa (long value), abc (long name): the first label's value error wins.
        Push(limits, "{abc=\"1\", aa=\"123\"}").Response.Body.ShouldBe("stream '{abc=\"1\", aa=\"123\"}' has label value too long: '123'");
        // One label too long in both: the name is checked first.
        Push(limits, "{abc=\"123\"}").Response.Body.ShouldBe("stream '{abc=\"123\"}' has label name too long: 'abc'");
        // Duplicate of a label whose value is too long: the value error on the first copy wins.
        Push(limits, "{a=\"123\", a=\"1\"}").Response.Body.ShouldBe("stream '{a=\"123\", a=\"1\"}' has label value too long: '123'");
    }

    [Fact]
    public void EntryChecks_TooOldBeforeTooLong_TooNewBeforeTooLong_LineBeforeMetadata()
    {
        var limits = DistributorLimits.Default with { MaxLineSize = 1, AllowStructuredMetadata = false };
        const long day = 86_400_000_000_000L;
        Push(limits, "{a=\"b\"}", Requests.At(-8 * day, "long")).Response.Body.ShouldStartWith("entry for stream '{a=\"b\"}' has timestamp too old");
        Push(limits, "{a=\"b\"}", Requests.At(day, "long")).Response.Body.ShouldStartWith("entry for stream '{a=\"b\"}' has timestamp too new");
        Push(limits, "{a=\"b\"}", Requests.WithMetadata("long", ("k", "v"))).Response.Body.ShouldStartWith("max entry size '1' bytes");
    }

    [Fact]
    public void EntryChecks_MetadataSizeBeforeCount()
    {
        var limits = DistributorLimits.Default with { MaxStructuredMetadataSize = 2, MaxStructuredMetadataEntriesCount = 1 };
        Push(limits, "{a=\"b\"}", Requests.WithMetadata("l", ("k", "vv"), ("j", "w"))).Response.Body.ShouldStartWith("stream '{a=\"b\"}' has structured metadata too large");
    }

    [Fact]
    public void ValidationErrors_InRequestOrder_StreamByStream()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default with { MaxLineSize = 1 });
        var request = new PushRequest("fake", [new PushStream("{b=\"2\"}", [Requests.At(0, "xx")]), new PushStream("{a=\"\"}", [Requests.At(0)]), new PushStream("{b=\"2\"}", [Requests.At(0, "yy")])]);
        harness.Push(request).Response.Body.ShouldBe(
            "2 errors like: max entry size '1' bytes exceeded for stream '{b=\"2\"}' while adding an entry with length '2' bytes; 1 errors like: error at least one label pair is required per stream");
    }

    [Fact]
    [Trait("Flaw", nameof(DistributorFlaw.RateLimitHidesValidationErrors))]
    public void RateLimit_After_Validation_AndHidesItsErrors()
    {
        var limits = DistributorLimits.Default.WithIngestionBytes(10, 10);
        var harness = new Harness(path: PushPath.Grpc, limits: _ => limits);
        var result = harness.Push(new PushRequest("fake", [new PushStream("{a=\"b\"}", [Requests.At(0, new string('x', 11))]), new PushStream("{a=\"\"}", [Requests.At(0)])]));
        result.Response.ShouldBe(new PushResponse(429, "ingestion rate limit exceeded for user fake (limit: 10 bytes/sec) while attempting to ingest '1' lines totaling '11' bytes, reduce log volume or contact your Loki administrator to see if the limit can be increased"));
        result.Outcome.ShouldBe(PushOutcome.Rejected);
        harness.Client.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void RateLimit_Before_TheRing()
    {
        var limits = DistributorLimits.Default.WithIngestionBytes(1, 1);
        var harness = new Harness(path: PushPath.Grpc, limits: _ => limits, ring: TestRing.Empty());
        harness.Push(new PushRequest("fake", [Good])).Response.StatusCode.ShouldBe(429);
    }

    [Fact]
    public void RingError_After_Validation_HidesItsErrors_NothingSent()
    {
        var harness = new Harness(path: PushPath.Grpc, ring: TestRing.Empty());
        var result = harness.Push(new PushRequest("fake", [Good, new PushStream("{a=\"\"}", [Requests.At(0)])]));
        result.Response.ShouldBe(new PushResponse(500, "empty ring"));
        result.Outcome.ShouldBe(PushOutcome.Rejected);
    }

    [Fact]
    public void NoValidStream_AnswersTheValidationErrors_BeforeTheRateLimitAndTheRing()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default.WithIngestionBytes(0, 0), ring: TestRing.Empty());
        var result = harness.Push(new PushRequest("fake", [new PushStream("{a=\"\"}", [Requests.At(0)])]));
        result.Response.ShouldBe(new PushResponse(400, ValidationMessages.MissingLabels));
        result.Outcome.ShouldBe(PushOutcome.Rejected);
    }

    private static PushResult Push(DistributorLimits limits, string selector, params LogEntry[] entries) =>
        new Harness(path: PushPath.Grpc, limits: _ => limits).Push(Requests.Stream("fake", selector, entries.Length == 0 ? [Requests.At(0)] : entries));
}
