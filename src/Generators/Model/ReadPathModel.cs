namespace Verified.Generators.Model;

/// <summary>
/// The Loki read-path settings of a token-ring spec (<c>read:</c>). Durations are kept as 100 ns ticks (exactly what
/// a TimeSpan holds) beside the text the spec wrote, so the model stays equatable and the emitted code can cite it.
/// </summary>
internal sealed record ReadPathModel(
    SpecDuration QueryIngestersWithin,
    SpecDuration QueryStoreMaxLookBackPeriod,
    SpecDuration SplitQueriesByInterval,
    int MaxEntriesLimitPerQuery,
    SpecDuration MaxQueryLength,
    int MaxOutstandingPerTenant,
    int QuerierMaxConcurrent,
    string WindowGap,
    string SplitMerge);

/// <summary>A non-negative duration from a spec: its ticks (100 ns) and the Go-syntax text it was written as.</summary>
internal sealed record SpecDuration(long Ticks, string Text);
