using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Verified.Routing;

namespace Verified.Cli.Oracle;

/// <summary>
/// Answers one JSONL oracle request (docs/oracle.md). Every request yields exactly one JSON object: the answer,
/// or <c>{"error": "..."}</c> for bad JSON, an unknown op, an invalid argument or a failed quorum.
/// </summary>
internal sealed class OracleHandler
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    /// <summary>The ops, by name.</summary>
    public static IReadOnlyDictionary<string, Action<Request, Utf8JsonWriter>> Ops { get; } = new Dictionary<string, Action<Request, Utf8JsonWriter>>(StringComparer.Ordinal)
    {
        ["es.murmur3"] = ElasticsearchOps.Murmur3,
        ["es.shard"] = ElasticsearchOps.Shard,
        ["es.search_shards"] = ElasticsearchOps.SearchShards,
        ["loki.canonical"] = LokiOps.Canonical,
        ["loki.token"] = LokiOps.Token,
        ["loki.ring.get"] = LokiOps.RingGet,
        ["loki.ring.read_set"] = LokiOps.RingReadSet,
    };

    /// <summary>Handles one line; returns the response as UTF-8 JSON (no newline).</summary>
    public ReadOnlySpan<byte> Handle(string line)
    {
        _buffer.ResetWrittenCount();
        try
        {
            using var document = Parse(line);
            var request = new Request(document.RootElement);
            var op = request.String("op");
            if (!Ops.TryGetValue(op, out var handler))
            {
                throw new OracleException($"unknown op '{op}'; known ops: {string.Join(", ", Ops.Keys)}");
            }

            using (var answer = new Utf8JsonWriter(_buffer, WriterOptions))
            {
                handler(request, answer);
            }

            return _buffer.WrittenSpan;
        }
        catch (Exception ex) when (ex is OracleException or ArgumentException or FormatException or InvalidOperationException)
        {
            // A late error may have left half an answer in the buffer: start the line again.
            _buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("error", ex.Message);
                writer.WriteEndObject();
            }

            return _buffer.WrittenSpan;
        }
    }

    /// <summary>The spec a request names in "spec" (default <paramref name="fallback"/>), of the right kind.</summary>
    public static T SpecOf<T>(Request request, T fallback)
        where T : class, IRoutingSpec
    {
        var id = request.Optional("spec");
        if (id is null)
        {
            return fallback;
        }

        return SpecCatalog.Find(id) switch
        {
            T spec => spec,
            null => throw new OracleException($"unknown spec '{id}'; known: {string.Join(", ", SpecCatalog.All.Select(s => s.Id))}"),
            _ => throw new OracleException($"spec '{id}' is not a {(typeof(T) == typeof(ITokenRingSpec) ? "token-ring" : "shard-formula")} spec"),
        };
    }

    private static JsonDocument Parse(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new OracleException("invalid JSON: " + ex.Message);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new OracleException("a request must be a JSON object");
        }

        return document;
    }
}
