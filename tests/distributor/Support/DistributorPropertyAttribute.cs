using FsCheck.Xunit;
using Verified.Tests.Shared;

namespace Verified.Distributor.Tests.Support;

/// <summary>An FsCheck property whose case count comes from VERIFIED_MAXTEST (default 100).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DistributorPropertyAttribute : PropertyAttribute
{
    /// <summary>Reads the budget.</summary>
    public DistributorPropertyAttribute()
    {
        MaxTest = TestBudget.MaxTest;
        QuietOnSuccess = true;
    }
}
