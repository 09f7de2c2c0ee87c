using System.Globalization;
using System.Text;
using System.Text.Json;
using Verified.Conformance.Checks;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Labels;

namespace Verified.Conformance.Placement;

/// <summary>
/// The gold-vector checks, one per file under shared/vectors: every gold field compared, derived fields or hints
/// (as the files and ELASTICSEARCH.md §8 document them) left out.
/// </summary>
public static partial class PlacementVectors
{
    /// <summary>loki/hash_token_vectors.json.</summary>
    public const string LokiHashTokenFile = "loki/hash_token_vectors.json";

    /// <summary>
    /// TestTokenFor; Prometheus StableHash; the Mimir contrast hash (the spec's raw FNV-1 over bytes); Loki's FNV-1a 64
    /// test helper (against the independent model); and the derived streams: canonical string, token, stream hash,
    /// fingerprint — and that FNV-1a would give another token (LOKI-PLACE-13).
    /// </summary>
    public static CheckOutcome LokiHashTokens(CheckContext context) => VectorReport.Run(context, LokiHashTokenFile, (root, report) =>
    {
        var spec = context.Target.Loki;
        foreach (var entry in root.GetProperty("upstream").EnumerateArray())
        {
            var source = entry.GetProperty("source").GetString() ?? "";
            if (entry.TryGetProperty("input", out var input) && input.GetProperty("labels").ValueKind == JsonValueKind.String)
            {
                var (tenant, labels) = (input.GetProperty("userID").GetString()!, input.GetProperty("labels").GetString()!);
                report.Case("TestTokenFor", () => report.Equal("TestTokenFor", "token", entry.GetProperty("expected").GetUInt32(), spec.TokenFor(tenant, labels)));
            }
            else if (entry.TryGetProperty("input", out input))
            {
                // Cortex/Mimir contrast: FNV-1 32 over userID then every name and value with no separator — a check of the
                // spec's raw hash over bytes, not of Loki's token.
                var text = input.GetProperty("userID").GetString() + string.Concat(input.GetProperty("labels").EnumerateArray().Select(p => p[0].GetString() + p[1].GetString()));
                report.Case("Mimir contrast", () => report.Equal("Mimir contrast", "FNV-1 32 of userID‖names‖values", Hex32(entry.GetProperty("expected_hex")), spec.HashBytes(Encoding.UTF8.GetBytes(text))));
            }
            else if (source.Contains("TestStableHash", StringComparison.Ordinal))
            {
                foreach (var c in entry.GetProperty("cases").EnumerateArray())
                {
                    var labels = c.GetProperty("labels").EnumerateObject().Select(p => new Label(p.Name, p.Value.GetString()!)).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
                    var name = $"StableHash {string.Join(",", labels.Select(l => l.Name + "=" + l.Value))}";
                    report.Case(name, () => report.Equal(name, "xxhash64", Hex64(c.GetProperty("expected_hex")), LabelHashes.StableHash(labels)));
                }
            }
            else
            {
                // Loki's entry_iterator_test hashLabels helper (FNV-1a 64 of the label string): no reference code uses it,
                // so it pins the independent model that explains the streamHash tie-break order.
                foreach (var c in entry.GetProperty("cases").EnumerateArray())
                {
                    var labels = c.GetProperty("labels").GetString()!;
                    report.Equal($"hashLabels {labels}", "FNV-1a 64 (independent model)", Hex64(c.GetProperty("fnv1a64_hex")), IndependentModel.Fnv1a64(Encoding.UTF8.GetBytes(labels)));
                }
            }
        }

        foreach (var c in root.GetProperty("derived").GetProperty("cases").EnumerateArray())
        {
            var tenant = c.GetProperty("tenant").GetString()!;
            var pairs = c.GetProperty("input_label_pairs").EnumerateArray().Select(p => new Label(p[0].GetString()!, p[1].GetString()!)).ToList();
            var selector = TokenProperties.Selector(pairs, [], trailingComma: false, emptyAsBlank: false);
            var name = $"derived {Show.Text(tenant)} {selector}";
            var canonical = c.GetProperty("canonical_labels").GetString()!;
            var token = c.GetProperty("token_fnv1_32").GetUInt32();
            report.Case(name, () =>
            {
                report.Equal(name, "canonical_labels", canonical, LokiStreams.Canonical(spec, selector));
                report.Equal(name, "token_fnv1_32 (from the selector)", token, LokiStreams.TokenFor(spec, tenant, selector).Token);
                report.Equal(name, "token_fnv1_32 (from canonical_labels)", token, spec.TokenFor(tenant, canonical));
                var parsed = CanonicalLabels.Parse(selector, spec.CanonicalLabels);
                report.Equal(name, "stream_hash_StableHash_xxh64", c.GetProperty("stream_hash_StableHash_xxh64").GetUInt64(), LabelHashes.StableHash(parsed));
                report.Equal(name, "ingester_fingerprint", c.GetProperty("ingester_fingerprint_HashWithoutLabels_xxh64_before_fp_mapper").GetUInt64(), LabelHashes.Fingerprint(parsed));
                var fnv1a = IndependentModel.Fnv1a([.. Encoding.UTF8.GetBytes(tenant), .. Encoding.UTF8.GetBytes(canonical)]);
                report.Equal(name, "FNV-1a gives another token", true, fnv1a != token);
            });
        }
    });

    private static uint Hex32(JsonElement element) => uint.Parse(StripHex(element), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static ulong Hex64(JsonElement element) => ulong.Parse(StripHex(element), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static string StripHex(JsonElement element)
    {
        var text = element.GetString() ?? throw new FormatException("expected a hex string");
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
    }
}
