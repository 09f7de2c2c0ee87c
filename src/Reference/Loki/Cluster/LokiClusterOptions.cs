using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Querier;
using Verified.Routing;

namespace Verified.Reference.Loki.Cluster;

/// <summary>How a simulated Loki write path is put together.</summary>
public sealed record LokiClusterOptions
{
    /// <summary>The placement spec (RF, token hash, quorum).</summary>
    public ITokenRingSpec Spec { get; init; } = LokiRouting.Instance;

    /// <summary>Ingesters at start (ingester-0 … ingester-N−1).</summary>
    public int Ingesters { get; init; } = 3;

    /// <summary>Ingester settings.</summary>
    public IngesterConfig IngesterConfig { get; init; } = new();

    /// <summary>Distributor limits for every tenant.</summary>
    public DistributorLimits Limits { get; init; } = DistributorLimits.Default;

    /// <summary>Seeded bugs (negative controls only).</summary>
    internal DistributorFaults DistributorFaults { get; init; }

    /// <summary>Seeded bugs (negative controls only).</summary>
    internal IngesterFaults IngesterFaults { get; init; }

    /// <summary>Seeded bugs (negative controls only).</summary>
    internal QuerierFaults QuerierFaults { get; init; }

    /// <summary>Seeded bugs (negative controls only).</summary>
    internal FrontendFaults FrontendFaults { get; init; }
}
