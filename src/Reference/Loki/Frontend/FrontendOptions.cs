namespace Verified.Reference.Loki.Frontend;

/// <summary>The query frontend's settings (LOKI.md §6 Frontend and Query limits).</summary>
public sealed record FrontendOptions
{
    /// <summary>The defaults: 1h splits, deduplicating merge, parallelism 32, 5000 entries, 721h.</summary>
    public static FrontendOptions Default { get; } = new();

    /// <summary><c>split_queries_by_interval</c>: 1h (30m in Loki 2.x); zero disables splitting.</summary>
    public TimeSpan SplitInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether the merge drops exact duplicates (<see cref="FrontendMerge.Deduplicating"/>, Verified's default, so a
    /// split query answers what the unsplit one does) or keeps them as Loki does (<see cref="FrontendMerge.LokiCompatible"/>).
    /// </summary>
    public bool Deduplicating { get; init; } = true;

    /// <summary><c>max_query_parallelism</c>: splits queued at once for one query (Loki default 32).</summary>
    public int MaxQueryParallelism { get; init; } = 32;

    /// <summary><c>max_entries_limit_per_query</c>: 5000; 0 disables the check.</summary>
    public int MaxEntriesLimitPerQuery { get; init; } = 5000;

    /// <summary><c>max_query_length</c>: 721h; zero disables the check.</summary>
    public TimeSpan MaxQueryLength { get; init; } = TimeSpan.FromHours(721);
}
