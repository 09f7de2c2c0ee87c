using FsCheck.Xunit;
using Verified.Tests.Shared;

namespace Verified.Properties.Tests;

/// <summary>
/// An FsCheck property whose case count comes from the environment variable VERIFIED_MAXTEST (default 100), so
/// CI can raise the budget without touching the code.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class VerifiedPropertyAttribute : PropertyAttribute
{
    /// <summary>Reads the budget.</summary>
    public VerifiedPropertyAttribute()
    {
        MaxTest = TestBudget.MaxTest;
        QuietOnSuccess = true;
    }
}
