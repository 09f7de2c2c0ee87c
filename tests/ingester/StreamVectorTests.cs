using System.Text.Json;
using Shouldly;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Verified.Routing;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>The rows of ../shared/vectors/loki/ingester_stream_vectors.json (upstream stream_test.go), reproduced.</summary>
public sealed class StreamVectorTests
{
    private const long Second = 1_000_000_000L;
    private const string Labels = "{foo=\"bar\"}";

    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(SharedVectors.PathOf("loki/ingester_stream_vectors.json"))).RootElement;

    [Fact]
    [Trait("Requirement", "LOKI-VAL-6")]
    public void TestUnorderedPush_StreamLevel_BytesErrorsChunksAndIteration() =>
        UnorderedPushMismatches(IngesterFaults.None).ShouldBeEmpty();

    /// <summary>Where a stream (with <paramref name="faults"/> seeded) departs from the TestUnorderedPush vector.</summary>
    internal static List<string> UnorderedPushMismatches(IngesterFaults faults)
    {
        var vector = Vectors.GetProperty("TestUnorderedPush");
        var config = IngesterConfig.Default with { MaxChunkAge = ParseDuration(vector.GetProperty("max_chunk_age").GetString()!) };
        var stream = NewStream(config, faults: faults);
        var now = DateTimeOffset.UnixEpoch;
        var mismatches = new List<string>();
        foreach (var step in vector.GetProperty("steps").EnumerateArray())
        {
            if (step.TryGetProperty("cut_chunk_before", out var cut) && cut.GetBoolean())
            {
                stream.CutChunk(now);
            }

            var push = stream.Push(Entries(step.GetProperty("push")), replay: false, now);
            if (push.BytesAdded != step.GetProperty("bytes_written").GetInt32())
            {
                mismatches.Add($"{step.GetProperty("push")}: {push.BytesAdded} bytes written");
            }

            if (push.Failed.Count > 0 != step.GetProperty("expect_error").GetBoolean())
            {
                mismatches.Add($"{step.GetProperty("push")}: error {push.Failed.Count > 0}");
            }
        }

        if (stream.Chunks.Count != vector.GetProperty("expected_chunks").GetInt32())
        {
            mismatches.Add($"{stream.Chunks.Count} chunks");
        }

        var iterated = stream.Chunks.SelectMany(c => c.Chunk.Entries(0, 12 * Second)).OrderBy(e => e.TimestampNs).ToList();
        if (!iterated.SequenceEqual(Entries(vector.GetProperty("expected_iteration_FORWARD_0_to_12"))))
        {
            mismatches.Add($"iteration {string.Join(",", iterated.Select(e => e.TimestampNs / Second))}");
        }

        return mismatches;
    }

    [Fact]
    [Trait("Requirement", "LOKI-VAL-6")]
    public async Task TestUnorderedPush_ThroughTheIngester_AnswersAndStoresTheValidEntries()
    {
        var vector = Vectors.GetProperty("TestUnorderedPush");
        var harness = new IngesterHarness(IngesterConfig.Default with { MaxChunkAge = ParseDuration(vector.GetProperty("max_chunk_age").GetString()!) });
        var ingester = await harness.StartAsync();
        foreach (var step in vector.GetProperty("steps").EnumerateArray())
        {
            var response = await ingester.PushAsync(new IngesterPushRequest(IngesterHarness.Tenant, [new IngesterStream(Labels, 0, [.. Entries(step.GetProperty("push"))])]));
            response.StatusCode.ShouldBe(step.GetProperty("expect_error").GetBoolean() ? 400 : 200);
        }

        var streams = await ingester.QueryAsync(IngesterHarness.Tenant, 0, 12 * Second, _ => true);
        streams.Single().Entries.ShouldBe(Entries(vector.GetProperty("expected_iteration_FORWARD_0_to_12")));
    }

    [Fact]
    [Trait("Requirement", "LOKI-VAL-6")]
    public async Task TestMaxReturnedStreamsErrors_BodyListsTenEntriesInGoTimeThenTheSummary()
    {
        var vector = Vectors.GetProperty("TestMaxReturnedStreamsErrors");
        var harness = new IngesterHarness(IngesterConfig.Default with { MaxChunkAge = TimeSpan.Zero });
        var ingester = await harness.StartAsync();
        (await harness.PushAsync(Labels, (100 * Second, "log"))).StatusCode.ShouldBe(200);

        var response = await harness.PushAsync(Labels, [.. Enumerable.Range(0, 100).Select(i => (i * Second, "log"))]);

        response.StatusCode.ShouldBe(vector.GetProperty("expected_http_status").GetInt32());
        var lines = response.Body.Split('\n');
        lines.Length.ShouldBe(11);
        lines[0].ShouldBe(vector.GetProperty("first_line_example").GetString());
        for (var i = 0; i < 10; i++)
        {
            lines[i].ShouldBe($"entry with timestamp {GoTime.String(i * Second)} ignored, reason: 'entry too far behind, entry timestamp is: {GoTime.Rfc3339(i * Second)}, oldest acceptable timestamp is: 1970-01-01T00:01:40Z',");
        }

        lines[10].ShouldBe("user 'fake', total ignored: 100 out of 100 for stream: {foo=\"bar\"}");
        vector.GetProperty("expected_body_format").GetString()!.ShouldEndWith(lines[10]);
    }

    internal static LogStream NewStream(IngesterConfig config, string labels = Labels, IngesterFaults faults = IngesterFaults.None)
    {
        var parsed = CanonicalLabels.Parse(labels, LokiRouting.Instance.CanonicalLabels);
        return new LogStream(IngesterHarness.Tenant, labels, parsed, LabelHashes.Fingerprint(parsed), 0, config, LokiRouting.ChunkLifecycle, faults);
    }

    private static List<LogEntry> Entries(JsonElement pairs) =>
        [.. pairs.EnumerateArray().Select(p => new LogEntry(p[0].GetInt64() * Second, p[1].GetString()!))];

    private static TimeSpan ParseDuration(string text) => text.EndsWith('s')
        ? TimeSpan.FromSeconds(int.Parse(text[..^1], System.Globalization.CultureInfo.InvariantCulture))
        : throw new FormatException(text);
}
