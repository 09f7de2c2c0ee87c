using System.Reflection;
using Shouldly;
using Verified.Routing;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>Every requirement ID these tests cite (xunit trait <c>Requirement</c>) is in the spec catalogue.</summary>
public sealed class RequirementTraitTests
{
    [Fact]
    public void EveryCitedRequirement_IsInTheCatalogue()
    {
        var catalogue = SpecCatalog.Requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var ids = typeof(RequirementTraitTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.CustomAttributes.Where(a => a.AttributeType == typeof(TraitAttribute)))
            .Where(a => (string?)a.ConstructorArguments[0].Value == "Requirement")
            .Select(a => (string)a.ConstructorArguments[1].Value!)
            .ToHashSet(StringComparer.Ordinal);

        ids.ShouldNotBeEmpty();
        ids.Where(id => !catalogue.Contains(id)).ShouldBeEmpty();
    }
}
