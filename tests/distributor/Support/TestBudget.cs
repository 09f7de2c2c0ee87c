using System.Globalization;

namespace Verified.Distributor.Tests.Support;

/// <summary>FsCheck cases per property: VERIFIED_MAXTEST, or 100.</summary>
public static class TestBudget
{
    /// <summary>The environment variable.</summary>
    public const string Variable = "VERIFIED_MAXTEST";

    /// <summary>Cases per property.</summary>
    public static int MaxTest { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;
}
