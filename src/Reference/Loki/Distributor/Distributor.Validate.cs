using System.Collections.Immutable;
using System.Text;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Distributor;

/// <summary>The entry point's label handling and the per-stream validation loop (LOKI.md §3 steps 1 and 4–6).</summary>
public sealed partial class Distributor
{
    /// <summary>
    /// HTTP path (push.go ParseLokiRequest): parse every stream's labels, failing the whole request on the first
    /// error; add service_name (unless present, internal, or discovery is off) and re-print the labels, so the
    /// label and the canonical form are in place before hashing. gRPC path: streams as sent.
    /// </summary>
    private List<PreparedStream> Prepare(ImmutableArray<PushStream> streams, DistributorLimits limits, out string? parseError)
    {
        parseError = null;
        var prepared = new List<PreparedStream>(streams.Length);
        if (_config.Path == PushPath.Grpc)
        {
            prepared.AddRange(streams.Select(s => new PreparedStream(s, null)));
            return prepared;
        }

        var options = _spec.CanonicalLabels;
        var rule = _spec.ServiceName is { } specRule ? specRule with { From = limits.DiscoverServiceName } : null;
        foreach (var stream in streams)
        {
            LabelSet labels;
            try
            {
                labels = CanonicalLabels.Parse(stream.Labels, options);
            }
            catch (LabelParseException e)
            {
                parseError = e.Message;
                return [];
            }

            var before = CanonicalLabels.Format(labels, options);
            var discovered = rule is null ? labels : CanonicalLabels.Normalize(ServiceNameDiscoverer.Apply(labels, rule), options);
            var after = CanonicalLabels.Format(discovered, options);
            var hashOverride = (_faults & DistributorFaults.HashBeforeServiceName) != 0 ? before : null;
            prepared.Add(new PreparedStream(stream with { Labels = after }, hashOverride));
        }

        return prepared;
    }

    /// <summary>
    /// pushWithResolver's validation loop, per stream in request order: skip if no entries → truncate (optional)
    /// → parse and validate labels → enforced labels → blocked ingestion → each entry → structured metadata
    /// normalised and sorted → increment duplicate timestamps (optional) → drop if nothing is left → count for
    /// the rate limit.
    /// </summary>
    private ValidatedRequest Validate(string tenant, List<PreparedStream> streams, DistributorLimits limits, DateTimeOffset now)
    {
        var result = new ValidatedRequest();
        var options = _spec.CanonicalLabels;
        var nowNs = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        foreach (var (stream, hashOverride) in streams)
        {
            if (stream.Entries.IsDefaultOrEmpty)
            {
                continue;
            }

            var entries = limits.MaxLineSizeTruncate ? Truncate(stream.Entries, limits) : stream.Entries;

            // parseStreamLabels: a selector that does not parse (gRPC path only) is one error for the stream.
            LabelSet labels;
            try
            {
                labels = CanonicalLabels.Parse(stream.Labels, options);
            }
            catch (LabelParseException e)
            {
                result.Errors.Add(ValidationMessages.InvalidLabels(stream.Labels, e.Message));
                continue;
            }

            if (StreamValidator.ValidateLabels(labels, stream.Labels, limits, _faults) is { } labelError)
            {
                result.Errors.Add(labelError);
                continue;
            }

            var canonical = CanonicalLabels.Format(labels, options);
            if (!StreamValidator.IsInternal(labels))
            {
                var missing = limits.EnforcedLabels.Distinct(StringComparer.Ordinal).Where(l => !labels.Has(l)).ToList();
                if (missing.Count > 0)
                {
                    // Loki has per-policy enforced labels too; without policies the policy is "".
                    result.Errors.Add(ValidationMessages.MissingEnforcedLabels(missing, tenant, canonical, string.Empty));
                    continue;
                }
            }

            if (limits.BlockIngestionUntil is { } until && now < until)
            {
                // Status 200 drops silently; any other becomes the answer unless there are validation errors.
                if (limits.BlockIngestionStatusCode != 200)
                {
                    result.Blocked = new PushResponse(limits.BlockIngestionStatusCode, ValidationMessages.BlockedIngestion(tenant, until, limits.BlockIngestionStatusCode));
                }

                continue;
            }

            var kept = ImmutableArray.CreateBuilder<LogEntry>(entries.Length);
            var previousTs = entries[0].TimestampNs;
            foreach (var sent in entries)
            {
                var entry = sent.StructuredMetadata.IsDefault ? sent with { StructuredMetadata = [] } : sent;
                if (StreamValidator.ValidateEntry(entry, canonical, nowNs, limits, _faults) is { } entryError)
                {
                    result.Errors.Add(entryError);
                    if ((_faults & DistributorFaults.SendInvalidEntries) != 0)
                    {
                        kept.Add(entry);
                    }

                    if ((_faults & DistributorFaults.RateLimitCountsInvalidEntries) != 0)
                    {
                        result.Bytes += StreamValidator.EntryTotalSize(entry);
                        result.Lines++;
                    }

                    continue;
                }

                // Structured metadata is normalised and sorted; an unusable name aborts the whole request.
                if (StructuredMetadataSanitizer.Sanitize(entry.StructuredMetadata, out var fatal) is not { } metadata)
                {
                    result.Fatal = fatal;
                    return result;
                }

                var accepted = metadata.SequenceEqual(entry.StructuredMetadata) ? entry : entry with { StructuredMetadata = metadata };
                var size = StreamValidator.EntryTotalSize(accepted);
                if (limits.IncrementDuplicateTimestamp && kept.Count != 0)
                {
                    // Only a different line at the same timestamp moves: identical lines stay duplicates the ingester drops.
                    var last = kept[^1];
                    if (last.Line != entry.Line && (entry.TimestampNs == previousTs || entry.TimestampNs == last.TimestampNs))
                    {
                        accepted = accepted with { TimestampNs = last.TimestampNs + 1 };
                    }
                    else
                    {
                        previousTs = entry.TimestampNs;
                    }
                }

                kept.Add(accepted);
                result.Bytes += size;
                result.Lines++;
            }

            if (kept.Count == 0)
            {
                continue;
            }

            var token = _spec.TokenFor(tenant, hashOverride ?? canonical);
            result.Streams.Add(new IngesterStream(canonical, token, kept.ToImmutable()));
        }

        return result;
    }

    /// <summary>
    /// truncateLines: a line over max_line_size becomes its first (max − len(identifier)) bytes plus the identifier;
    /// nothing happens when that length is ≤ 0. Go cuts at a byte even inside a character; a C# string cannot
    /// hold the partial character, so the cut moves back to the character boundary.
    /// </summary>
    private static ImmutableArray<LogEntry> Truncate(ImmutableArray<LogEntry> entries, DistributorLimits limits)
    {
        var suffix = limits.MaxLineSizeTruncateIdentifier;
        var keep = limits.MaxLineSize - Encoding.UTF8.GetByteCount(suffix);
        if (limits.MaxLineSize == 0 || keep <= 0)
        {
            return entries;
        }

        var builder = ImmutableArray.CreateBuilder<LogEntry>(entries.Length);
        foreach (var entry in entries)
        {
            var bytes = Encoding.UTF8.GetBytes(entry.Line);
            if (bytes.Length <= limits.MaxLineSize)
            {
                builder.Add(entry);
                continue;
            }

            var cut = keep;
            while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
            {
                cut--; // a continuation byte: back up to the start of the character
            }

            builder.Add(entry with { Line = Encoding.UTF8.GetString(bytes, 0, cut) + suffix });
        }

        return builder.ToImmutable();
    }
}
