using Verified.Conformance.Checks;

namespace Verified.Cli.Check;

/// <summary>The words a report uses for a requirement status.</summary>
internal static class StatusText
{
    public static string Human(RequirementStatus status) => status switch
    {
        RequirementStatus.Passed => "passed",
        RequirementStatus.Failed => "FAILED",
        RequirementStatus.Skipped => "skipped",
        _ => "not yet covered",
    };

    public static string Json(RequirementStatus status) => status switch
    {
        RequirementStatus.Passed => "passed",
        RequirementStatus.Failed => "failed",
        RequirementStatus.Skipped => "skipped",
        _ => "not_covered",
    };
}
