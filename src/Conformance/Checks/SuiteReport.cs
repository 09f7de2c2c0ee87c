using System.Collections.Immutable;
using Verified.Routing;

namespace Verified.Conformance.Checks;

/// <summary>The outcome of one check in a run.</summary>
public sealed record CheckResult(ConformanceCheck Check, CheckOutcome Outcome, TimeSpan Elapsed);

/// <summary>A requirement's standing after a run.</summary>
public enum RequirementStatus
{
    /// <summary>Every check citing it that ran held (at least one ran).</summary>
    Passed,

    /// <summary>A check citing it failed.</summary>
    Failed,

    /// <summary>Checks cite it, but none could run here.</summary>
    Skipped,

    /// <summary>No check cites it yet.</summary>
    NotCovered,
}

/// <summary>One requirement and the checks that cite it.</summary>
public sealed record RequirementResult(Requirement Requirement, RequirementStatus Status, ImmutableArray<CheckResult> Checks);

/// <summary>A whole run: per check, per requirement, and IDs cited that the catalogue does not know.</summary>
public sealed record SuiteReport(string Target, ImmutableArray<CheckResult> Checks, ImmutableArray<RequirementResult> Requirements, ImmutableArray<string> UnknownRequirementIds)
{
    /// <summary>A failed check or an unknown requirement ID makes the run fail.</summary>
    public bool Failed => Checks.Any(c => c.Outcome.Verdict == Verdict.Failed) || !UnknownRequirementIds.IsEmpty;
}
