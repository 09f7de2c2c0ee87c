using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>Each validation rule at its boundary, with Loki's defaults (loki pkg/distributor/validator.go).</summary>
public sealed class ValidationRuleTests
{
    private const long Second = 1_000_000_000L;
    private static readonly long Day = 86_400 * Second;

    [Fact]
    public void FifteenNamesPlusServiceName_IsAccepted_SixteenNamesAreNot()
    {
        var fifteen = string.Join(", ", Enumerable.Range(0, 15).Select(i => $"l{i:D2}=\"v\""));
        Grpc($"{{{fifteen}, service_name=\"s\"}}").Response.ShouldBe(PushResponse.NoContent);

        var sixteen = $"{{{fifteen}, l15=\"v\"}}";
        Grpc(sixteen).Response.ShouldBe(new PushResponse(400, $"entry for stream '{sixteen}' has 16 label names; limit 15"));
    }

    [Fact]
    public void LabelNameOf1024Bytes_IsAccepted_1025IsNot()
    {
        Grpc($"{{{new string('n', 1024)}=\"v\"}}").Response.ShouldBe(PushResponse.NoContent);
        var selector = $"{{{new string('n', 1025)}=\"v\"}}";
        Grpc(selector).Response.ShouldBe(new PushResponse(400, $"stream '{selector}' has label name too long: '{new string('n', 1025)}'"));
    }

    [Fact]
    public void LabelValueOf2048Bytes_IsAccepted_2049IsNot_CountingUtf8Bytes()
    {
        Grpc($"{{a=\"{new string('v', 2048)}\"}}").Response.ShouldBe(PushResponse.NoContent);
        var value = new string('é', 1025); // 2050 bytes, 1025 chars
        var selector = $"{{a=\"{value}\"}}";
        Grpc(selector).Response.ShouldBe(new PushResponse(400, $"stream '{selector}' has label value too long: '{value}'"));
    }

    [Fact]
    public void DuplicateLabelName_IsRejectedWithTheRawText()
    {
        var selector = "{b=\"1\", a=\"2\", b=\"3\"}";
        Grpc(selector).Response.ShouldBe(new PushResponse(400, $"stream '{selector}' has duplicate label name: 'b'"));
    }

    [Fact]
    public void EmptyLabelSet_IsRejectedOnTheGrpcPath_AndGetsUnknownServiceOnHttp()
    {
        Grpc("{a=\"\"}").Response.ShouldBe(new PushResponse(400, ValidationMessages.MissingLabels));
        var harness = new Harness(path: PushPath.Http);
        harness.Push(Requests.Stream("fake", "{}", Requests.At(0))).Response.ShouldBe(PushResponse.NoContent);
        harness.Client.Calls[0].Request.Streams.Single().Labels.ShouldBe("{service_name=\"unknown_service\"}");
    }

    [Fact]
    public void InternalStream_SkipsLabelChecks()
    {
        var many = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"l{i:D2}=\"v\""));
        Grpc($"{{__pattern__=\"p\", {many}}}").Response.ShouldBe(PushResponse.NoContent);
    }

    [Fact]
    public void TooOld_IsStrict_AtNowMinusSevenDays()
    {
        Grpc("{a=\"b\"}", Requests.At(-7 * Day)).Response.ShouldBe(PushResponse.NoContent);
        Grpc("{a=\"b\"}", Requests.At((-7 * Day) - 1)).Response.ShouldBe(new PushResponse(400,
            "entry for stream '{a=\"b\"}' has timestamp too old: 2023-12-24T23:59:59Z, oldest acceptable timestamp is: 2023-12-25T00:00:00Z"));
    }

    [Fact]
    public void TooOld_IsOffWhenRejectOldSamplesIsOff()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default with { RejectOldSamples = false });
        harness.Push(Requests.Stream("fake", "{a=\"b\"}", Requests.At(-300 * Day))).Response.ShouldBe(PushResponse.NoContent);
    }

    [Fact]
    public void TooNew_IsStrict_AtNowPlusTenMinutes()
    {
        Grpc("{a=\"b\"}", Requests.At(600 * Second)).Response.ShouldBe(PushResponse.NoContent);
        Grpc("{a=\"b\"}", Requests.At((600 * Second) + 1)).Response.ShouldBe(new PushResponse(400,
            "entry for stream '{a=\"b\"}' has timestamp too new: 2024-01-01T00:10:00Z"));
    }

    [Fact]
    public void LineOf262144Bytes_IsAccepted_262145IsNot()
    {
        Grpc("{a=\"b\"}", Requests.At(0, new string('x', 262144))).Response.ShouldBe(PushResponse.NoContent);
        Grpc("{a=\"b\"}", Requests.At(0, new string('x', 262145))).Response.ShouldBe(new PushResponse(400,
            "max entry size '262144' bytes exceeded for stream '{a=\"b\"}' while adding an entry with length '262145' bytes"));
    }

    [Fact]
    public void MaxLineSizeZero_TurnsTheCheckOff()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default with { MaxLineSize = 0 });
        harness.Push(Requests.Stream("fake", "{a=\"b\"}", Requests.At(0, new string('x', 300_000)))).Response.ShouldBe(PushResponse.NoContent);
    }

    [Fact]
    public void StructuredMetadata_CountAndSizeLimits_AndDetectedLevelIsNotCounted()
    {
        var pairs128 = Enumerable.Range(0, 128).Select(i => ($"k{i}", "v")).ToArray();
        Grpc("{a=\"b\"}", Requests.WithMetadata("l", pairs128)).Response.ShouldBe(PushResponse.NoContent);
        Grpc("{a=\"b\"}", Requests.WithMetadata("l", [.. pairs128, ("k128", "v")])).Response.ShouldBe(new PushResponse(400,
            "stream '{a=\"b\"}' has too many structured metadata labels: '129', limit: '128'. Please see `limits_config.max_structured_metadata_entries_count` or contact your Loki administrator to increase it"));

        Grpc("{a=\"b\"}", Requests.WithMetadata("l", ("k", new string('v', 65535)), ("detected_level", "info"))).Response.ShouldBe(PushResponse.NoContent);
        Grpc("{a=\"b\"}", Requests.WithMetadata("l", ("k", new string('v', 65536)))).Response.ShouldBe(new PushResponse(400,
            "stream '{a=\"b\"}' has structured metadata too large: '65537' bytes, limit: '65536' bytes. Please see `limits_config.max_structured_metadata_size` or contact your Loki administrator to increase it"));
    }

    [Fact]
    public void StructuredMetadata_WhenDisallowed_IsRejected()
    {
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default with { AllowStructuredMetadata = false });
        harness.Push(Requests.Stream("fake", "{a=\"b\"}", Requests.WithMetadata("l", ("k", "v")))).Response.ShouldBe(new PushResponse(400,
            "stream '{a=\"b\"}' includes structured metadata, but this feature is disallowed. Please see `limits_config.allow_structured_metadata` or contact your Loki administrator to enable it"));
    }

    [Fact]
    [Trait("Flaw", nameof(DistributorFlaw.PartialAcceptWith400))]
    public void InvalidEntries_AreDropped_ValidOnesOfTheSameStreamAreSent()
    {
        var harness = new Harness(path: PushPath.Grpc);
        var result = harness.Push(Requests.Stream("fake", "{a=\"b\"}", Requests.At(0, "ok"), Requests.At(700 * Second, "late"), Requests.At(1, "ok2")));
        result.Response.StatusCode.ShouldBe(400);
        result.Outcome.ShouldBe(PushOutcome.PartiallyAcknowledged);
        harness.Client.Calls.Count.ShouldBe(3);
        harness.Client.Calls[0].Request.Streams.Single().Entries.Select(e => e.Line).ShouldBe(["ok", "ok2"]);
    }

    [Theory]
    // Loki Test_IncrementTimestamp (incrementing enabled): dupe timestamp different entry; same entry; multiple repeated; subsequent increments.
    [InlineData("0:a 0:b", "0:a 1:b")]
    [InlineData("0:a 0:a", "0:a 0:a")]
    [InlineData("0:a 0:b 0:c", "0:a 1:b 2:c")]
    [InlineData("0:a 0:b 1:c", "0:a 1:b 2:c")]
    // An identical line keeps its timestamp even when its predecessor was moved past it (the entries go out of order).
    [InlineData("2:hi 2:x 2:x", "2:hi 3:x 2:x")]
    public void IncrementDuplicateTimestamp_MovesDifferentLinesAtTheSameTimestamp(string pushed, string sent)
    {
        static LogEntry[] Parse(string text) => [.. text.Split(' ').Select(p => p.Split(':')).Select(p => Requests.At(long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1]))];
        var harness = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default with { IncrementDuplicateTimestamp = true });
        harness.Push(Requests.Stream("fake", "{a=\"b\"}", Parse(pushed)));
        harness.Client.Calls[0].Request.Streams.Single().Entries.ShouldBe(Parse(sent));
    }

    [Fact]
    public void IncrementDuplicateTimestamp_IsOffByDefault()
    {
        var harness = new Harness(path: PushPath.Grpc);
        harness.Push(Requests.Stream("fake", "{a=\"b\"}", Requests.At(0, "hi"), Requests.At(0, "hey")));
        harness.Client.Calls[0].Request.Streams.Single().Entries.Select(e => e.TimestampNs - Harness.NowNs).ShouldBe([0L, 0L]);
    }

    [Fact]
    public void MaxLineSizeTruncate_CutsTheLineAndAddsTheIdentifier()
    {
        var limits = DistributorLimits.Default with { MaxLineSize = 8, MaxLineSizeTruncate = true, MaxLineSizeTruncateIdentifier = "..." };
        var harness = new Harness(path: PushPath.Grpc, limits: _ => limits);
        harness.Push(Requests.Stream("fake", "{a=\"b\"}", Requests.At(0, "0123456789"), Requests.At(1, "short"))).Response.ShouldBe(PushResponse.NoContent);
        harness.Client.Calls[0].Request.Streams.Single().Entries.Select(e => e.Line).ShouldBe(["01234...", "short"]);
    }

    [Fact]
    public void EnforcedLabels_MissingOnes_AreNamed()
    {
        var limits = DistributorLimits.Default with { EnforcedLabels = ["team", "env", "team"] };
        var harness = new Harness(path: PushPath.Grpc, limits: _ => limits);
        harness.Push(Requests.Stream("fake", "{env=\"p\", a=\"b\"}", Requests.At(0))).Response
            .ShouldBe(new PushResponse(400, "missing required labels 'team' for user 'fake' for stream '{a=\"b\", env=\"p\"}' (policy: '')"));
    }

    [Fact]
    public void BlockedIngestion_Answers260_ButValidationErrorsWin_And200DropsSilently()
    {
        var until = Harness.Start.AddHours(1);
        var blocked = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default with { BlockIngestionUntil = until });
        var result = blocked.Push(Requests.Stream("fake", "{a=\"b\"}", Requests.At(0)));
        result.Response.ShouldBe(new PushResponse(260, "ingestion blocked for user 'fake' until '2024-01-01T01:00:00Z' with status code '260'"));
        blocked.Client.Calls.ShouldBeEmpty();

        var withError = new PushRequest("fake", [new PushStream("{a=\"b\"}", [Requests.At(0)]), new PushStream("{a=\"\"}", [Requests.At(0)])]);
        blocked.Push(withError).Response.ShouldBe(new PushResponse(400, ValidationMessages.MissingLabels));

        var silent = new Harness(path: PushPath.Grpc, limits: _ => DistributorLimits.Default with { BlockIngestionUntil = until, BlockIngestionStatusCode = 200 });
        silent.Push(Requests.Stream("fake", "{a=\"b\"}", Requests.At(0))).Response.ShouldBe(PushResponse.NoContent);
        silent.Client.Calls.ShouldBeEmpty();
    }

    private static PushResult Grpc(string selector, params LogEntry[] entries)
    {
        var harness = new Harness(path: PushPath.Grpc);
        return harness.Push(Requests.Stream("fake", selector, entries.Length == 0 ? [Requests.At(0)] : entries));
    }
}
