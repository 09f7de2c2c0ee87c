namespace Verified.Reference.Loki.Querier;

/// <summary>
/// Which part of a query goes to the ingesters and which to the store (loki pkg/querier/intervals.go
/// <c>BuildQueryIntervalsWithLookback</c>, LOKI.md §6 Routing). Null means "not asked".
/// </summary>
/// <param name="Ingester">The range asked of the ingesters, or null.</param>
/// <param name="Store">The range asked of the store, or null.</param>
public sealed record QueryIntervals(TimeInterval? Ingester, TimeInterval? Store)
{
    /// <summary>
    /// Loki's routing for <c>[start, end)</c> at <paramref name="nowNs"/>. With Q = query_ingesters_within and
    /// L = query_store_max_look_back_period (both nanoseconds, Go durations, so −1 is −1 ns as in Loki's tests):
    /// <list type="bullet">
    /// <item>the look-back is L when L ≠ 0, else Q when Q ≠ 0, else −1;</item>
    /// <item>look-back −1 (exactly): ingesters for the whole range, and the store too unless L ≠ 0;</item>
    /// <item>a positive look-back with <c>end ≤ now − look-back</c>: the store only, whole range;</item>
    /// <item>L = 0: ingesters and store, both for the whole range (the G1 window gap lives here: an unflushed entry
    /// older than Q is in neither answer when the query ends before now − Q);</item>
    /// <item>L ≠ 0: t = now − L; t &lt; start → ingesters only; else ingesters [t, end) and store [start, t).</item>
    /// </list>
    /// A look-back ≤ 0 other than −1 counts as "always within" (Loki's <c>isWithinIngesterMaxLookbackPeriod</c>).
    /// </summary>
    public static QueryIntervals Build(long startNs, long endNs, long nowNs, long queryIngestersWithinNs, long queryStoreMaxLookBackNs)
    {
        var whole = new TimeInterval(startNs, endNs);
        var limitStore = queryStoreMaxLookBackNs != 0;
        var lookBack = limitStore ? queryStoreMaxLookBackNs : queryIngestersWithinNs != 0 ? queryIngestersWithinNs : -1;
        if (lookBack == -1)
        {
            return new QueryIntervals(whole, limitStore ? null : whole);
        }

        var oldest = nowNs - lookBack;
        if (lookBack > 0 && !(endNs > oldest))
        {
            return new QueryIntervals(null, whole);
        }

        if (!limitStore)
        {
            return new QueryIntervals(whole, whole);
        }

        if (oldest < startNs)
        {
            return new QueryIntervals(whole, null);
        }

        // start ≤ oldest here, so the store part is never inverted; Loki keeps it even when empty (start = oldest).
        return new QueryIntervals(new TimeInterval(oldest, endNs), new TimeInterval(startNs, oldest));
    }
}
