namespace Verified.Reference.Loki.Querier;

/// <summary>What one query's read did, counted as the lazy iterators run (the query's statistics).</summary>
internal sealed class ReadCounters
{
    /// <summary>Entries the merges dropped as duplicates.</summary>
    public int Duplicates { get; set; }

    /// <summary>Chunk blocks decompressed by the store side.</summary>
    public int BlocksDecoded { get; set; }
}
