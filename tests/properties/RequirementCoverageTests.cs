using System.Reflection;
using Shouldly;
using Verified.Conformance.Placement;
using Verified.Routing;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>The tests here cover every MUST requirement of the placement and lifecycle areas, and cite only real IDs.</summary>
public sealed class RequirementCoverageTests
{
    private static readonly HashSet<string> Catalogue = SpecCatalog.Requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> Cited = typeof(RequirementCoverageTests).Assembly.GetTypes()
        .SelectMany(type => type.GetCustomAttributes<RequirementAttribute>()
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetCustomAttributes<RequirementAttribute>())))
        .SelectMany(a => a.Ids)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryMustPlacementAndLifecycleRequirement_IsCitedByATest()
    {
        var uncovered = SpecCatalog.Requirements
            .Where(r => r.Level == RequirementLevel.Must && (r.Id.Contains("-PLACE-", StringComparison.Ordinal) || r.Id.Contains("-LIFE-", StringComparison.Ordinal)))
            .Select(r => r.Id)
            .Where(id => !Cited.Contains(id))
            .ToList();
        uncovered.ShouldBeEmpty();
    }

    [Fact]
    public void EveryCitedRequirement_IsInTheCatalogue() => Cited.Where(id => !Catalogue.Contains(id)).ShouldBeEmpty();

    [Fact]
    public void EveryPlacementCheck_HasAUniqueNameAndCitesCataloguedRequirements()
    {
        PlacementChecks.All.Select(c => c.Name).ShouldBeUnique();
        PlacementChecks.All.ShouldAllBe(c => c.Requirements.Length > 0);
        PlacementChecks.All.SelectMany(c => c.Requirements).Where(id => !Catalogue.Contains(id)).ShouldBeEmpty();
    }
}
