using System.Collections.Immutable;
using System.Text;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// Loki's per-stream and per-entry checks (loki pkg/distributor/validator.go ValidateLabels, ValidateEntry), in
/// Loki's order; each returns the first failing check's message or null. Lengths and sizes are UTF-8 bytes.
/// </summary>
internal static class StreamValidator
{
    /// <summary>The label Loki's HTTP path adds and the label-count check does not count (push.LabelServiceName).</summary>
    public const string ServiceNameLabel = "service_name";

    /// <summary>Internal streams skip label validation (constants.AggregatedMetricLabel, constants.PatternLabel).</summary>
    public static readonly ImmutableArray<string> InternalStreamLabels = ["__aggregated_metric__", "__pattern__"];

    /// <summary>Structured metadata not counted in sizes (util.ExcludedStructuredMetadataLabels: constants.LevelLabel).</summary>
    public const string DetectedLevelLabel = "detected_level";

    /// <summary>Whether the stream is one Loki creates for itself (aggregated metrics, patterns).</summary>
    public static bool IsInternal(LabelSet labels) => InternalStreamLabels.Any(labels.Has);

    /// <summary>
    /// ValidateLabels: empty → too many names (service_name not counted) → per label in sorted order: name length,
    /// value length, duplicate name. Messages print <paramref name="streamLabels"/>, the stream's label text.
    /// </summary>
    public static string? ValidateLabels(LabelSet labels, string streamLabels, DistributorLimits limits, DistributorFaults faults)
    {
        if (labels.Count == 0)
        {
            return ValidationMessages.MissingLabels;
        }

        if (IsInternal(labels))
        {
            return null;
        }

        var names = labels.Count - (labels.Has(ServiceNameLabel) ? 1 : 0);
        if (names > limits.MaxLabelNamesPerSeries)
        {
            return ValidationMessages.MaxLabelNames(streamLabels, names, limits.MaxLabelNamesPerSeries);
        }

        // Prometheus Labels.Validate with lastLabelName starting at "": an empty name counts as a duplicate.
        var last = string.Empty;
        foreach (var label in labels)
        {
            if ((faults & DistributorFaults.SkipLabelNameLengthCheck) == 0 && Encoding.UTF8.GetByteCount(label.Name) > limits.MaxLabelNameLength)
            {
                return ValidationMessages.LabelNameTooLong(streamLabels, label.Name);
            }

            if (Encoding.UTF8.GetByteCount(label.Value) > limits.MaxLabelValueLength)
            {
                return ValidationMessages.LabelValueTooLong(streamLabels, label.Value);
            }

            if (string.Equals(last, label.Name, StringComparison.Ordinal))
            {
                return ValidationMessages.DuplicateLabelName(streamLabels, label.Name);
            }

            last = label.Name;
        }

        return null;
    }

    /// <summary>
    /// ValidateEntry: too old (strict, when reject_old_samples) → too new (strict) → line too long (0 = off) →
    /// structured metadata disallowed / too large / too many. Messages print the canonical labels.
    /// </summary>
    public static string? ValidateEntry(LogEntry entry, string canonicalLabels, long nowNs, DistributorLimits limits, DistributorFaults faults)
    {
        var ts = entry.TimestampNs;
        var oldest = nowNs - limits.RejectOldSamplesMaxAge.Ticks * 100;
        var tooOld = (faults & DistributorFaults.OldSampleBoundInclusive) != 0 ? ts <= oldest : ts < oldest;
        if (limits.RejectOldSamples && tooOld)
        {
            return ValidationMessages.TooOld(canonicalLabels, ts, oldest);
        }

        if (ts > nowNs + (limits.CreationGracePeriod.Ticks * 100))
        {
            return ValidationMessages.TooNew(canonicalLabels, ts);
        }

        var lineLength = Encoding.UTF8.GetByteCount(entry.Line);
        if (limits.MaxLineSize != 0 && lineLength > limits.MaxLineSize)
        {
            return ValidationMessages.LineTooLong(limits.MaxLineSize, canonicalLabels, lineLength);
        }

        var count = entry.StructuredMetadata.Length;
        if (count > 0)
        {
            if (!limits.AllowStructuredMetadata)
            {
                return ValidationMessages.DisallowedStructuredMetadata(canonicalLabels);
            }

            var size = StructuredMetadataSize(entry.StructuredMetadata);
            if (limits.MaxStructuredMetadataSize != 0 && size > limits.MaxStructuredMetadataSize)
            {
                return ValidationMessages.StructuredMetadataTooLarge(canonicalLabels, size, limits.MaxStructuredMetadataSize);
            }

            if (limits.MaxStructuredMetadataEntriesCount != 0 && count > limits.MaxStructuredMetadataEntriesCount)
            {
                return ValidationMessages.StructuredMetadataTooMany(canonicalLabels, count, limits.MaxStructuredMetadataEntriesCount);
            }
        }

        return null;
    }

    /// <summary>util.StructuredMetadataSize: name + value bytes of each pair except detected_level.</summary>
    public static int StructuredMetadataSize(ImmutableArray<Label> metadata)
    {
        var size = 0;
        foreach (var pair in metadata)
        {
            if (pair.Name != DetectedLevelLabel)
            {
                size += Encoding.UTF8.GetByteCount(pair.Name) + Encoding.UTF8.GetByteCount(pair.Value);
            }
        }

        return size;
    }

    /// <summary>util.EntryTotalSize: line bytes plus structured metadata size; what the rate limit counts.</summary>
    public static int EntryTotalSize(LogEntry entry) => Encoding.UTF8.GetByteCount(entry.Line) + StructuredMetadataSize(entry.StructuredMetadata);
}
