using FsCheck.Xunit;
using Verified.Tests.Shared;

namespace Verified.Query.Tests.Metric;

/// <summary>An FsCheck property whose case count is <see cref="TestBudget.MaxTest"/> (VERIFIED_MAXTEST, default 100).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MetricPropertyAttribute : PropertyAttribute
{
    /// <summary>Reads the budget.</summary>
    public MetricPropertyAttribute()
    {
        MaxTest = TestBudget.MaxTest;
        QuietOnSuccess = true;
    }
}
