using System.Text;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Ingester;

namespace Verified.Bench;

/// <summary>What the Loki benchmarks share: a cluster without limiters, and log lines of a chosen length.</summary>
internal static class BenchData
{
    /// <summary>Rate and stream limits off: the benchmarks measure the path, not the limiters.</summary>
    public static LokiClusterOptions Unlimited { get; } = new()
    {
        Limits = DistributorLimits.Default with { IngestionRateMB = 1_000_000, IngestionBurstSizeMB = 1_000_000 },
        IngesterConfig = new IngesterConfig { MaxGlobalStreamsPerUser = 0 },
    };

    /// <summary>A line of exactly <paramref name="length"/> ASCII characters: <paramref name="head"/>, then letters a–z.</summary>
    public static string Line(int length, string head)
    {
        var builder = new StringBuilder(head, Math.Max(length, head.Length));
        while (builder.Length < length)
        {
            builder.Append((char)('a' + (builder.Length % 26)));
        }

        return builder.ToString(0, length);
    }
}
