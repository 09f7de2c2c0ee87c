namespace Verified.Conformance.Checks;

/// <summary>What a check may use: the target, the gold vectors directory (if found), and budgets.</summary>
/// <param name="Target">The system under check.</param>
/// <param name="VectorsDirectory">The shared/vectors directory, or null when absent.</param>
/// <param name="MaxTest">FsCheck cases per property.</param>
/// <param name="Replay">An FsCheck "(seed1,seed2)" to replay, or null for a fresh seed.</param>
public sealed record CheckContext(PlacementTarget Target, string? VectorsDirectory, int MaxTest = 100, string? Replay = null);
