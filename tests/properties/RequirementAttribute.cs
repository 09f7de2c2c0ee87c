using Xunit.Sdk;

namespace Verified.Properties.Tests;

/// <summary>
/// The requirement IDs (from <c>SpecCatalog.Requirements</c>) a test verifies. Surfaces as the xunit trait
/// <c>Requirement</c>, so <c>dotnet test --filter Requirement=LOKI-PLACE-3</c> runs exactly those tests.
/// </summary>
[TraitDiscoverer("Verified.Properties.Tests.RequirementTraitDiscoverer", "Verified.Properties.Tests")]
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequirementAttribute(params string[] ids) : Attribute, ITraitAttribute
{
    /// <summary>The cited requirement IDs.</summary>
    public IReadOnlyList<string> Ids { get; } = ids;
}
