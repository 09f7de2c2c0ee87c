using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace Verified.Generators.Parsing;

/// <summary>Which spec names can become C# names without breaking the generated code.</summary>
internal static class CSharpNames
{
    /// <summary>Type names the generator itself emits into Verified.Routing; a spec class may not take one.</summary>
    public static readonly string[] ReservedTypeNames =
    {
        "SpecCatalog", "SpecMath", "IRoutingSpec", "ITokenRingSpec", "IShardFormulaSpec", "InstanceState", "RingOperation",
        "LifecycleTable", "LifecycleTransition", "Requirement", "RequirementLevel", "ShardFormula", "CanonicalLabelOptions",
        "ServiceNameDiscovery", "RingErrorTexts", "ShardErrorTexts", "ReadPathOptions", "WindowGapMode", "SplitMergeMode",
    };

    /// <summary>Member names a generated spec class already has; a state or operation may not become one.</summary>
    public static readonly string[] ReservedMemberNames = { "All", "Instance" };

    /// <summary>A valid C# identifier that is not a reserved keyword.</summary>
    public static bool IsIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>A dotted namespace whose every part is an identifier.</summary>
    public static bool IsNamespace(string name) => name.Length > 0 && name.Split('.').All(IsIdentifier);
}
