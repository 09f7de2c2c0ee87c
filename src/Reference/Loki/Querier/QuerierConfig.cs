namespace Verified.Reference.Loki.Querier;

/// <summary>Querier settings and per-tenant query limits, Loki's defaults (LOKI.md §6). Durations are nanoseconds.</summary>
public sealed record QuerierConfig
{
    /// <summary>One hour in nanoseconds.</summary>
    public const long Hour = 3_600_000_000_000L;

    /// <summary>The defaults.</summary>
    public static QuerierConfig Default { get; } = new();

    /// <summary><c>query_ingesters_within</c> (Q): 3h.</summary>
    public long QueryIngestersWithinNs { get; init; } = 3 * Hour;

    /// <summary>The ingester's <c>query_store_max_look_back_period</c> (L): 0 (off).</summary>
    public long QueryStoreMaxLookBackNs { get; init; }

    /// <summary><c>max_entries_limit_per_query</c>: 5000; 0 turns the check off.</summary>
    public int MaxEntriesLimitPerQuery { get; init; } = 5000;

    /// <summary><c>max_query_length</c>: 721h; 0 or less turns the check off.</summary>
    public long MaxQueryLengthNs { get; init; } = 721 * Hour;

    /// <summary>How the ingester/store window gap is treated; <see cref="WindowGap.Closed"/> by default.</summary>
    public WindowGap WindowGap { get; init; } = WindowGap.Closed;

    /// <summary>Uncompressed block size chunks were written with (for decoding stored chunks).</summary>
    public int ChunkBlockSize { get; init; } = 262_144;

    /// <summary>Target compressed chunk size chunks were written with (for decoding stored chunks).</summary>
    public int ChunkTargetSize { get; init; } = 1_572_864;
}
