using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Verified.Generators.Diagnostics;

/// <summary>The VSPEC diagnostic catalogue: every way a spec can be wrong, each with a stable ID.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Verified.Spec";

    public static readonly DiagnosticDescriptor InvalidYaml = Error(DiagnosticIds.InvalidYaml, "Spec file is not valid YAML", "Spec file is not valid YAML: {0}");

    public static readonly DiagnosticDescriptor MissingKey = Error(DiagnosticIds.MissingKey, "Required spec key is missing", "Spec key '{0}' is required in '{1}'");

    public static readonly DiagnosticDescriptor UnknownKey = Error(DiagnosticIds.UnknownKey, "Unknown spec key", "Unknown key '{0}' in '{1}'; expected one of: {2}");

    public static readonly DiagnosticDescriptor UnknownValue = Error(DiagnosticIds.UnknownValue, "Value is not in the spec vocabulary", "'{0}' is not a valid value for '{1}'; expected one of: {2}");

    public static readonly DiagnosticDescriptor OutOfRange = Error(DiagnosticIds.OutOfRange, "Spec number is invalid or out of range", "'{0}' is not valid for '{1}': {2}");

    public static readonly DiagnosticDescriptor InvalidFormula = Error(DiagnosticIds.InvalidFormula, "Spec formula is invalid", "Formula '{0}' for '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor UnknownReference = Error(DiagnosticIds.UnknownReference, "Spec refers to an undeclared name", "'{0}' in '{1}' is not declared; declared: {2}");

    public static readonly DiagnosticDescriptor InvalidRequirement = Error(DiagnosticIds.InvalidRequirement, "Requirement is invalid", "Requirement '{0}' is invalid: {1}");

    public static readonly DiagnosticDescriptor DuplicateSpec = Error(DiagnosticIds.DuplicateSpec, "Duplicate spec", "Spec {0} '{1}' is declared more than once (also in {2})");

    public static readonly DiagnosticDescriptor UnknownBase = Error(DiagnosticIds.UnknownBase, "Variant base spec not found", "Base spec '{0}' of variant '{1}' {2}");

    public static readonly DiagnosticDescriptor InvalidLifecycle = Error(DiagnosticIds.InvalidLifecycle, "Lifecycle is invalid", "Lifecycle '{0}' is invalid: {1}");

    public static readonly DiagnosticDescriptor WrongNodeType = Error(DiagnosticIds.WrongNodeType, "Spec value has the wrong shape", "'{0}' must be a {1}");

    public static readonly DiagnosticDescriptor ReadPathConflict = Error(DiagnosticIds.ReadPathConflict, "Read-path settings contradict each other", "'{0}: {1}' cannot be combined with '{2}': {3}");

    public static IReadOnlyDictionary<string, DiagnosticDescriptor> ById { get; } = new[]
    {
        InvalidYaml, MissingKey, UnknownKey, UnknownValue, OutOfRange, InvalidFormula, UnknownReference,
        InvalidRequirement, DuplicateSpec, UnknownBase, InvalidLifecycle, WrongNodeType, ReadPathConflict,
    }.ToDictionary(d => d.Id);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "docs/spec.md#" + id.ToLowerInvariant());
}
