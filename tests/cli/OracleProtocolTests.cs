using System.Text;
using System.Text.Json;
using Shouldly;
using Verified.Cli.Oracle;
using Xunit;

namespace Verified.Cli.Tests;

/// <summary>The JSONL oracle protocol of docs/oracle.md, driven in-process line by line.</summary>
public sealed class OracleProtocolTests
{
    internal static string[] Ask(params string[] lines)
    {
        using var output = new MemoryStream();
        var exit = OracleCommand.Run(new StringReader(string.Join("\n", lines) + "\n"), output);
        exit.ShouldBe(0);
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    internal static JsonElement AskOne(string line) => JsonDocument.Parse(Ask(line).Single()).RootElement;

    [Theory]
    [InlineData("hello", -675079799)]
    [InlineData("", 0)]
    [InlineData("1", -126235597)]
    public void Murmur3_ReturnsElasticsearchsSignedHash(string input, int expected) =>
        AskOne(JsonSerializer.Serialize(new { op = "es.murmur3", input })).GetProperty("hash").GetInt32().ShouldBe(expected);

    [Fact]
    public void Murmur3OfALoneSurrogate_HashesTheCodeUnitAsItIs() =>
        AskOne("""{"op":"es.murmur3","input":"\ud800"}""").GetProperty("hash").GetInt32().ShouldBe(23418209);

    [Theory]
    [InlineData("""{"op":"es.shard","id":"1","routing":null,"shards":3,"routing_shards":null,"partition_size":null,"formula":"legacy"}""", 2)]
    [InlineData("""{"op":"es.shard","id":"1","shards":2,"formula":"legacy"}""", 0)]
    [InlineData("""{"op":"es.shard","id":"1","shards":2,"formula":"modulo"}""", 1)]
    [InlineData("""{"op":"es.shard","id":"1","shards":2,"routing_shards":2}""", 1)]
    [InlineData("""{"op":"es.shard","id":"x","routing":"1","shards":3}""", 2)]
    public void Shard_FollowsTheRequestedFormula(string request, int expected) =>
        AskOne(request).GetProperty("shard").GetInt32().ShouldBe(expected);

    [Theory]
    [InlineData("""{"op":"es.shard","id":"1","shards":3,"partition_size":2}""", "routing is required for [index]/[1]")]
    [InlineData("""{"op":"es.shard","id":"1","shards":0}""", "Failed to parse value [0] for setting [index.number_of_shards] must be >= 1")]
    [InlineData("""{"op":"es.shard","id":"1","shards":3,"routing_shards":10}""", "the number of source shards [3] must be a factor of [10]")]
    [InlineData("""{"op":"es.shard","id":"1","shards":3,"formula":"hash"}""", "field 'formula' must be \"legacy\" or \"modulo\", not \"hash\"")]
    [InlineData("""{"op":"es.shard","id":"1","shards":"3"}""", "field 'shards' must be an integer")]
    [InlineData("""{"op":"es.shard","shards":3}""", "missing field 'id'")]
    public void InvalidShardRequest_AnswersTheErrorText(string request, string error) =>
        AskOne(request).GetProperty("error").GetString().ShouldBe(error);

    [Fact]
    public void Canonical_SortsDropsEmptyValuesAndQuotesAsGo() =>
        AskOne("""{"op":"loki.canonical","labels":"{b=\"2\",  a=\"x\\ty\", c=\"\"}"}""").GetProperty("labels").GetString().ShouldBe("{a=\"x\\ty\", b=\"2\"}");

    [Fact]
    public void Token_ReturnsTheFnv1TokenAndCanonicalLabels()
    {
        var answer = AskOne("""{"op":"loki.token","tenant":"fake","labels":"{app=\"foo\"}"}""");
        answer.GetProperty("token").GetUInt32().ShouldBe(25613330u);
        answer.GetProperty("labels").GetString().ShouldBe("{app=\"foo\"}");
    }

    [Fact]
    public void TokenWithServiceNameDiscovery_HashesTheDiscoveredLabel() =>
        AskOne("""{"op":"loki.token","tenant":"fake","labels":"{app=\"foo\"}","discover_service_name":true}""").GetProperty("token").GetUInt32().ShouldBe(2172855172u);

    [Fact]
    public void UnparsableLabels_AnswerPrometheusParseError() =>
        AskOne("""{"op":"loki.canonical","labels":"{a=b}"}""").GetProperty("error").GetString().ShouldBe("1:4: parse error: unexpected identifier \"b\" in label set, expected string");

    [Fact]
    public void RingGet_ReturnsHealthyInstancesInWalkOrderAndMaxErrors()
    {
        var answer = AskOne(RingRequest(key: 2500, heartbeat2: 1000000));
        answer.GetProperty("instances").EnumerateArray().Select(e => e.GetString()).ShouldBe(["ing-3", "ing-1", "ing-2"]);
        answer.GetProperty("max_errors").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void RingGetWithTooFewHealthy_AnswersDskitsQuorumError() =>
        AskOne(RingRequest(key: 1500, heartbeat2: 999000, heartbeat3: 999000)).GetProperty("error").GetString()
            .ShouldBe("at least 2 live replicas required, could only find 1 - unhealthy instances: ing-2,ing-3");

    [Fact]
    public void RingReadSet_ReturnsEveryHealthyInstance() =>
        AskOne(RingRequest(key: 0, heartbeat2: 1000000).Replace("loki.ring.get", "loki.ring.read_set", StringComparison.Ordinal))
            .GetProperty("instances").GetArrayLength().ShouldBe(3);

    [Fact]
    public void BadLines_EachGetAnErrorAndProcessingContinues()
    {
        var answers = Ask("not json", "", "[1]", """{"op":"nope"}""", """{"op":"es.murmur3","input":"hello"}""");
        answers.Length.ShouldBe(5);
        answers[0].ShouldStartWith("{\"error\":\"invalid JSON:");
        answers[1].ShouldStartWith("{\"error\":\"invalid JSON:");
        answers[2].ShouldBe("{\"error\":\"a request must be a JSON object\"}");
        answers[3].ShouldStartWith("{\"error\":\"unknown op 'nope'; known ops: es.murmur3,");
        answers[4].ShouldBe("{\"hash\":-675079799}");
    }

    [Fact]
    public void ManyRequests_AreAnsweredOnePerLineInOrder()
    {
        var requests = Enumerable.Range(0, 2000).Select(i => JsonSerializer.Serialize(new { op = "es.murmur3", input = i.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ToArray();
        var answers = Ask(requests);
        answers.Length.ShouldBe(2000);
        var first = JsonDocument.Parse(answers[1]).RootElement.GetProperty("hash").GetInt32();
        first.ShouldBe(-126235597);
    }

    [Fact]
    public void SpecField_SelectsAVariant()
    {
        AskOne("""{"op":"es.shard","spec":"elasticsearch-modulo","id":"1","shards":2,"formula":"modulo"}""").GetProperty("shard").GetInt32().ShouldBe(1);
        AskOne("""{"op":"loki.token","spec":"elasticsearch","tenant":"t","labels":"{}"}""").GetProperty("error").GetString().ShouldBe("spec 'elasticsearch' is not a token-ring spec");
    }

    private static string RingRequest(uint key, long heartbeat2, long heartbeat3 = 1000000) =>
        $$"""{"op":"loki.ring.get","key":{{key}},"operation":"WriteNoExtend","replication_factor":3,"zone_awareness":false,"heartbeat_timeout_s":60,"now":1000000,"instances":[{"id":"ing-1","zone":"","state":"ACTIVE","tokens":[1000,6000],"heartbeat":1000000},{"id":"ing-2","zone":"","state":"ACTIVE","tokens":[2000,7000],"heartbeat":{{heartbeat2}}},{"id":"ing-3","zone":"","state":"ACTIVE","tokens":[3000,8000],"heartbeat":{{heartbeat3}}}]}""";
}
