using System.Globalization;

namespace Verified.Tests.Shared;

/// <summary>
/// How many cases each property runs: <c>VERIFIED_MAXTEST</c> when set to a positive number (nightly runs raise it),
/// otherwise a default small enough for CI. One copy for every test project (linked in tests/Directory.Build.props).
/// </summary>
internal static class TestBudget
{
    /// <summary>The environment variable that raises (or lowers) the budget.</summary>
    public const string Variable = "VERIFIED_MAXTEST";

    /// <summary>Cases per property: the variable, or 100.</summary>
    public static int MaxTest { get; } = MaxTestOr(100);

    /// <summary>Cases per property: the variable, or <paramref name="fallback"/>.</summary>
    public static int MaxTestOr(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
}
