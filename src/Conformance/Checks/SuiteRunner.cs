using System.Collections.Immutable;
using System.Diagnostics;
using Verified.Routing;

namespace Verified.Conformance.Checks;

/// <summary>Runs checks and folds their outcomes into requirement statuses.</summary>
public static class SuiteRunner
{
    /// <summary>Runs <paramref name="checks"/> in order, reporting each result to <paramref name="progress"/> as it finishes.</summary>
    public static SuiteReport Run(IEnumerable<ConformanceCheck> checks, CheckContext context, IReadOnlyList<Requirement> catalogue, Action<CheckResult>? progress = null)
    {
        var results = ImmutableArray.CreateBuilder<CheckResult>();
        foreach (var check in checks)
        {
            var watch = Stopwatch.StartNew();
            CheckOutcome outcome;
            try
            {
                outcome = check.Run(context);
            }
            catch (Exception ex)
            {
                // A check that throws is a failed check, not a crashed run.
                outcome = CheckOutcome.Fail($"{ex.GetType().Name}: {ex.Message}");
            }

            var result = new CheckResult(check, outcome, watch.Elapsed);
            results.Add(result);
            progress?.Invoke(result);
        }

        return Summarize(context.Target.Name, results.ToImmutable(), catalogue);
    }

    /// <summary>Folds check results into one status per catalogue requirement.</summary>
    public static SuiteReport Summarize(string target, ImmutableArray<CheckResult> results, IReadOnlyList<Requirement> catalogue)
    {
        var known = catalogue.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = results.SelectMany(r => r.Check.Requirements).Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        var requirements = catalogue.Select(requirement =>
        {
            var citing = results.Where(r => r.Check.Requirements.Contains(requirement.Id)).ToImmutableArray();
            var status = citing.IsEmpty ? RequirementStatus.NotCovered
                : citing.Any(r => r.Outcome.Verdict == Verdict.Failed) ? RequirementStatus.Failed
                : citing.Any(r => r.Outcome.Verdict == Verdict.Passed) ? RequirementStatus.Passed
                : RequirementStatus.Skipped;
            return new RequirementResult(requirement, status, citing);
        }).ToImmutableArray();
        return new SuiteReport(target, results, requirements, unknown);
    }
}
