using System.Globalization;
using FsCheck.Xunit;

namespace Verified.Query.Tests.Frontend;

/// <summary>An FsCheck property whose case count comes from VERIFIED_MAXTEST (default 100).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FrontendPropertyAttribute : PropertyAttribute
{
    /// <summary>Reads the budget.</summary>
    public FrontendPropertyAttribute()
    {
        MaxTest = Budget;
        QuietOnSuccess = true;
    }

    /// <summary>VERIFIED_MAXTEST, or 100.</summary>
    public static int Budget { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("VERIFIED_MAXTEST"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;
}
