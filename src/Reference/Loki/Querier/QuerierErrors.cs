using System.Globalization;

namespace Verified.Reference.Loki.Querier;

/// <summary>Loki's texts for refused queries (loki pkg/util/validation, pkg/loghttp/params.go; LOKI.md §6–7).</summary>
public static class QuerierErrors
{
    /// <summary>loghttp: a limit of 0 or less.</summary>
    public const string LimitNotPositive = "limit must be a positive value";

    /// <summary>loghttp: <c>end ≤ start</c>.</summary>
    public const string EndBeforeStart = "end timestamp must not be before or equal to start time";

    /// <summary><c>ErrMaxEntriesLimit</c> with the requested limit and the tenant's limit.</summary>
    public static string MaxEntries(int limit, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"max entries limit per query exceeded, limit > max_entries_limit_per_query ({limit} > {max})");

    /// <summary><c>ErrQueryTooLong</c>: the length as a Go duration, the limit as a Prometheus duration (<see cref="GoDuration"/>).</summary>
    public static string QueryTooLong(long lengthNs, long limitNs) =>
        $"the query time range exceeds the limit (query length: {GoDuration.FormatGo(lengthNs)}, limit: {GoDuration.FormatProm(limitNs)})";
}
