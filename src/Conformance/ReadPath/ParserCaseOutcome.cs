namespace Verified.Conformance.ReadPath;

/// <summary>How one upstream parser case went.</summary>
internal enum ParserCaseOutcome
{
    /// <summary>Same AST, or Loki's exact error text.</summary>
    Passed,

    /// <summary>A different AST or error.</summary>
    Failed,

    /// <summary>Outside the subset Verified models (see <see cref="LogQLVectors.RunUpstreamCase"/>).</summary>
    OutOfSubset,
}
