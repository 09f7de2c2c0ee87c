using FsCheck;
using Shouldly;
using Verified.Tests.Shared;

namespace Verified.Simulation.Tests;

/// <summary>Runs properties with the budget; negative controls assert that a property finds a counterexample.</summary>
public static class PropertyChecks
{
    /// <summary>The property holds for <see cref="TestBudget.MaxTest"/> cases (throws with the counterexample otherwise).</summary>
    public static void ShouldHold(Property property) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(TestBudget.MaxTest).WithQuietOnSuccess(true), property);

    /// <summary>The property fails within <paramref name="maxTest"/> cases and names the counterexample.</summary>
    public static void ShouldCatch(Property property, int maxTest = 200)
    {
        var error = Should.Throw<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true), property));
        error.Message.ShouldContain("Falsifiable");
    }
}
