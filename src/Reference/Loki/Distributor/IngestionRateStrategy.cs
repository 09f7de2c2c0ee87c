namespace Verified.Reference.Loki.Distributor;

/// <summary>How the per-tenant ingestion rate is shared between distributors (loki pkg/distributor/ingestion_rate_strategy.go).</summary>
public enum IngestionRateStrategy
{
    /// <summary>Each distributor allows the full rate: the cluster allows N times it.</summary>
    Local,

    /// <summary>Each distributor allows rate ÷ healthy distributors; the burst is not divided.</summary>
    Global,
}
