using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;

namespace Verified.Distributor.Tests.Properties;

/// <summary>
/// An independent, deliberately plain model of the distributor's validation (LOKI.md §3 and validate.go), written
/// from the fact sheet without the reference's code: it says what status and which messages a push gets, and which
/// streams with which entries must reach the ingesters. It covers the generator's alphabet only (legal names,
/// values without escapes, the one unparsable selector).
/// </summary>
public static class ValidationModel
{
    private const string ParseError = "1:4: parse error: unterminated quoted string";

    private static readonly string[] Discovery = ["service", "app", "application", "app_name", "name", "app_kubernetes_io_name", "container", "container_name", "k8s_container_name", "component", "workload", "job", "k8s_job_name"];

    /// <summary>The model's answer for <paramref name="c"/> at <paramref name="nowNs"/>.</summary>
    public static ModelAnswer Expect(PushCase c, long nowNs)
    {
        if (c.Path == PushPath.Http && c.Streams.Any(s => s.Unparsable))
        {
            return new ModelAnswer(400, "couldn't parse labels: " + ParseError, [], []);
        }

        if (c.Streams.IsEmpty)
        {
            return new ModelAnswer(422, "error at least one valid stream is required for ingestion", [], []);
        }

        var limits = c.Limits;
        var errors = new List<string>();
        var sent = new List<(string Labels, ImmutableArray<LogEntry> Entries)>();
        long bytes = 0;
        var lines = 0;
        foreach (var stream in c.Streams)
        {
            if (stream.Entries.IsEmpty)
            {
                continue;
            }

            if (stream.Unparsable)
            {
                errors.Add($"error parsing labels '{StreamCase.BadSelector}' with error: {ParseError}");
                continue;
            }

            var labels = stream.Pairs.Where(p => p.Value != "").OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            if (c.Path == PushPath.Http && labels.All(p => p.Name != "service_name"))
            {
                var service = Discovery.Select(d => labels.FirstOrDefault(p => p.Name == d).Value).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "unknown_service";
                labels = [.. labels.Append((Name: "service_name", Value: service)).OrderBy(p => p.Name, StringComparer.Ordinal)];
            }

            var canonical = "{" + string.Join(", ", labels.Select(p => $"{p.Name}=\"{p.Value}\"")) + "}";
            var shown = c.Path == PushPath.Http ? canonical : stream.Selector;
            if (LabelError(labels, shown, limits) is { } labelError)
            {
                errors.Add(labelError);
                continue;
            }

            var kept = new List<LogEntry>();
            foreach (var entry in stream.Entries)
            {
                if (EntryError(entry, canonical, nowNs, limits) is { } entryError)
                {
                    errors.Add(entryError);
                    continue;
                }

                // Sent metadata: names made Prometheus-legal (the generator's only illegal character is '.'), sorted by name.
                var sentEntry = entry with { StructuredMetadata = [.. entry.StructuredMetadata.Select(m => m with { Name = m.Name.Replace('.', '_') }).OrderBy(m => m.Name, StringComparer.Ordinal)] };
                kept.Add(sentEntry);
                bytes += Size(entry.Line) + entry.StructuredMetadata.Where(m => m.Name != "detected_level").Sum(m => Size(m.Name) + Size(m.Value));
                lines++;
            }

            if (kept.Count > 0)
            {
                sent.Add((canonical, [.. kept]));
            }
        }

        var groups = errors.GroupBy(e => e).Select(g => (g.Key, g.Count())).ToList();
        var body = errors.Count == 0 ? "" : groups.Count == 1 && groups[0].Item2 == 1 ? groups[0].Key : string.Join("; ", groups.Select(g => $"{g.Item2} errors like: {g.Key}"));
        if (sent.Count > 0 && bytes > limits.IngestionBurstSizeBytes)
        {
            // A fresh bucket holds exactly the burst.
            var limit = ((long)limits.IngestionRateBytes).ToString(CultureInfo.InvariantCulture);
            return new ModelAnswer(429, $"ingestion rate limit exceeded for user {c.Tenant} (limit: {limit} bytes/sec) while attempting to ingest '{lines}' lines totaling '{bytes}' bytes, reduce log volume or contact your Loki administrator to see if the limit can be increased", [], []);
        }

        return new ModelAnswer(errors.Count == 0 ? 204 : 400, body, groups, sent);
    }

    private static string? LabelError(List<(string Name, string Value)> labels, string shown, DistributorLimits limits)
    {
        if (labels.Count == 0)
        {
            return "error at least one label pair is required per stream";
        }

        var names = labels.Count(p => p.Name != "service_name");
        if (names > limits.MaxLabelNamesPerSeries)
        {
            return $"entry for stream '{shown}' has {names} label names; limit {limits.MaxLabelNamesPerSeries}";
        }

        var previous = "";
        foreach (var (name, value) in labels)
        {
            if (Size(name) > limits.MaxLabelNameLength)
            {
                return $"stream '{shown}' has label name too long: '{name}'";
            }

            if (Size(value) > limits.MaxLabelValueLength)
            {
                return $"stream '{shown}' has label value too long: '{value}'";
            }

            if (name == previous)
            {
                return $"stream '{shown}' has duplicate label name: '{name}'";
            }

            previous = name;
        }

        return null;
    }

    private static string? EntryError(LogEntry entry, string canonical, long nowNs, DistributorLimits limits)
    {
        var oldest = nowNs - (7 * 86_400 * 1_000_000_000L);
        if (limits.RejectOldSamples && entry.TimestampNs < oldest)
        {
            return $"entry for stream '{canonical}' has timestamp too old: {Time(entry.TimestampNs)}, oldest acceptable timestamp is: {Time(oldest)}";
        }

        if (entry.TimestampNs > nowNs + (600 * 1_000_000_000L))
        {
            return $"entry for stream '{canonical}' has timestamp too new: {Time(entry.TimestampNs)}";
        }

        if (limits.MaxLineSize > 0 && Size(entry.Line) > limits.MaxLineSize)
        {
            return $"max entry size '{limits.MaxLineSize}' bytes exceeded for stream '{canonical}' while adding an entry with length '{Size(entry.Line)}' bytes";
        }

        if (entry.StructuredMetadata.IsEmpty)
        {
            return null;
        }

        if (!limits.AllowStructuredMetadata)
        {
            return $"stream '{canonical}' includes structured metadata, but this feature is disallowed. Please see `limits_config.allow_structured_metadata` or contact your Loki administrator to enable it";
        }

        var size = entry.StructuredMetadata.Where(m => m.Name != "detected_level").Sum(m => Size(m.Name) + Size(m.Value));
        if (limits.MaxStructuredMetadataSize > 0 && size > limits.MaxStructuredMetadataSize)
        {
            return $"stream '{canonical}' has structured metadata too large: '{size}' bytes, limit: '{limits.MaxStructuredMetadataSize}' bytes. Please see `limits_config.max_structured_metadata_size` or contact your Loki administrator to increase it";
        }

        var count = entry.StructuredMetadata.Length;
        return limits.MaxStructuredMetadataEntriesCount > 0 && count > limits.MaxStructuredMetadataEntriesCount
            ? $"stream '{canonical}' has too many structured metadata labels: '{count}', limit: '{limits.MaxStructuredMetadataEntriesCount}'. Please see `limits_config.max_structured_metadata_entries_count` or contact your Loki administrator to increase it"
            : null;
    }

    private static int Size(string text) => Encoding.UTF8.GetByteCount(text);

    // Whole seconds, rounded down; the generator's times are after 1970.
    private static string Time(long ns) => DateTimeOffset.FromUnixTimeSeconds(ns / 1_000_000_000L).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "Z";
}
