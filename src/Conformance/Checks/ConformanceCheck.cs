using System.Collections.Immutable;

namespace Verified.Conformance.Checks;

/// <summary>One conformance check: a name, the requirement IDs it verifies, and how to run it.</summary>
/// <param name="Name">Sentence-style name, e.g. "Token is independent of label order".</param>
/// <param name="Requirements">Requirement IDs from the spec catalogue.</param>
/// <param name="Run">Runs the check; must not throw for a failing target (return Failed instead).</param>
public sealed record ConformanceCheck(string Name, ImmutableArray<string> Requirements, Func<CheckContext, CheckOutcome> Run)
{
    /// <summary>Creates a check citing <paramref name="requirements"/>.</summary>
    public static ConformanceCheck Create(string name, Func<CheckContext, CheckOutcome> run, params string[] requirements) =>
        new(name, [.. requirements], run);
}
