using System.Globalization;

namespace Verified.LogQL.Tests;

/// <summary>FsCheck cases per property: VERIFIED_MAXTEST, or 300.</summary>
internal static class TestBudget
{
    public const string Variable = "VERIFIED_MAXTEST";

    public static int MaxTest { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;
}
