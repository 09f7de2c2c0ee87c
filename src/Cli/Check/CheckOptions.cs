namespace Verified.Cli.Check;

/// <summary>What <c>verified check</c> was asked to do.</summary>
/// <param name="Format">Report format.</param>
/// <param name="Output">File to write the report to, or null for stdout.</param>
/// <param name="Vectors">Gold vectors directory, or null to search for it.</param>
/// <param name="MaxTest">FsCheck cases per property.</param>
/// <param name="Replay">FsCheck seed "(s1,s2)" to replay, or null.</param>
/// <param name="Only">Run only checks whose name contains this text, or null for all.</param>
/// <param name="LokiSpec">Id of the token-ring spec to check instead of "loki" (a variant or a mutant).</param>
/// <param name="ElasticsearchSpec">Id of the shard-formula spec to check instead of "elasticsearch".</param>
internal sealed record CheckOptions(ReportFormat Format, string? Output, string? Vectors, int MaxTest, string? Replay, string? Only, string? LokiSpec = null, string? ElasticsearchSpec = null);
