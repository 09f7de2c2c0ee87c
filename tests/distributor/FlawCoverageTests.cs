using Shouldly;
using Verified.Reference.Loki.Distributor;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>Every Loki flaw the distributor reproduces on purpose is pinned by a test carrying its name as a trait.</summary>
public sealed class FlawCoverageTests
{
    [Fact]
    public void EveryDistributorFlaw_HasATest()
    {
        var pinned = typeof(FlawCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributesData().Where(a => a.AttributeType == typeof(TraitAttribute)))
            .Where(a => (string?)a.ConstructorArguments[0].Value == "Flaw")
            .Select(a => (string?)a.ConstructorArguments[1].Value)
            .ToHashSet();
        Enum.GetNames<DistributorFlaw>().ShouldAllBe(name => pinned.Contains(name));
    }
}
