using Verified.Conformance.Checks;
using Verified.Reference.Loki.Chunks;
using Verified.Reference.Loki.Labels;

namespace Verified.Conformance.Placement;

/// <summary>Chunk keys (chunk_key_vectors.json).</summary>
public static partial class PlacementVectors
{
    /// <summary>loki/chunk_key_vectors.json.</summary>
    public const string LokiChunkKeyFile = "loki/chunk_key_vectors.json";

    /// <summary>
    /// TestParseExternalKey in both layouts, the wrong-tenant error, Format round trips (incl. the benchmark keys) and
    /// the derived example's fingerprint = Fingerprint({app="foo", service_name="foo"}) (LOKI-PLACE-13).
    /// </summary>
    public static CheckOutcome LokiChunkKeys(CheckContext context) => VectorReport.Run(context, LokiChunkKeyFile, (root, report) =>
    {
        var upstream = root.GetProperty("upstream");
        foreach (var c in upstream.GetProperty("cases").EnumerateArray())
        {
            var key = c.GetProperty("key").GetString()!;
            var name = $"ParseExternalKey {key}";
            if (c.TryGetProperty("error", out var error))
            {
                var tenant = c.GetProperty("parse_as_user").GetString()!;
                var expected = error.GetString() == "ErrWrongMetadata" ? ChunkKey.WrongMetadata : error.GetString();
                string? actual = null;
                try
                {
                    ChunkKey.Parse(tenant, key);
                }
                catch (FormatException ex)
                {
                    actual = ex.Message;
                }

                report.Equal(name, $"error parsing as {tenant}", expected, actual);
                continue;
            }

            report.Case(name, () =>
            {
                var parsed = ChunkKey.Parse("userID", key);
                report.Equal(name, "fingerprint", c.GetProperty("fingerprint").GetUInt64(), parsed.Fingerprint);
                report.Equal(name, "from_ms", c.GetProperty("from_ms").GetInt64(), parsed.FromMs);
                report.Equal(name, "through_ms", c.GetProperty("through_ms").GetInt64(), parsed.ThroughMs);
                report.Equal(name, "checksum", c.GetProperty("checksum").GetUInt32(), parsed.Checksum);
                var v12 = c.GetProperty("schema").GetString()!.StartsWith("v12", StringComparison.Ordinal);
                report.Equal(name, "Format round trip", key, parsed.Format(v12));
            });
        }

        foreach (var key in upstream.GetProperty("benchmark_keys").EnumerateArray().Select(e => e.GetString()!))
        {
            var v12 = key.Split('/').Length == 3;
            report.Case($"benchmark key {key}", () => report.Equal($"benchmark key {key}", "Format round trip", key, ChunkKey.Parse("fake", key).Format(v12)));
        }

        var example = root.GetProperty("derived_example").GetProperty("key").GetString()!;
        report.Case($"derived example {example}", () =>
        {
            var parsed = ChunkKey.Parse("fake", example);
            var fingerprint = LabelHashes.Fingerprint([new Label("app", "foo"), new Label("service_name", "foo")]);
            report.Equal($"derived example {example}", "fingerprint = Fingerprint({app=\"foo\", service_name=\"foo\"})", fingerprint, parsed.Fingerprint);
            report.Equal($"derived example {example}", "Format round trip", example, parsed.Format());
        });
    });
}
