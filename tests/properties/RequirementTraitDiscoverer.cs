using Xunit.Abstractions;
using Xunit.Sdk;

namespace Verified.Properties.Tests;

/// <summary>Turns <see cref="RequirementAttribute"/> into one <c>Requirement=ID</c> trait per cited ID.</summary>
public sealed class RequirementTraitDiscoverer : ITraitDiscoverer
{
    /// <summary>The trait name used in <c>--filter</c>.</summary>
    public const string TraitName = "Requirement";

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        IEnumerable<string> ids = traitAttribute is IReflectionAttributeInfo { Attribute: RequirementAttribute attribute }
            ? attribute.Ids
            : traitAttribute.GetConstructorArguments().SelectMany(a => a as IEnumerable<object> ?? []).OfType<string>();
        return ids.Select(id => new KeyValuePair<string, string>(TraitName, id));
    }
}
