namespace Verified.Generators.Diagnostics;

/// <summary>
/// Stable diagnostic IDs. Never renumber: users suppress and search for these. The catalogue with
/// examples is in docs/spec.md.
/// </summary>
internal static class DiagnosticIds
{
    public const string InvalidYaml = "VSPEC001";
    public const string MissingKey = "VSPEC002";
    public const string UnknownKey = "VSPEC003";
    public const string UnknownValue = "VSPEC004";
    public const string OutOfRange = "VSPEC005";
    public const string InvalidFormula = "VSPEC006";
    public const string UnknownReference = "VSPEC007";
    public const string InvalidRequirement = "VSPEC008";
    public const string DuplicateSpec = "VSPEC009";
    public const string UnknownBase = "VSPEC010";
    public const string InvalidLifecycle = "VSPEC011";
    public const string WrongNodeType = "VSPEC012";
    public const string ReadPathConflict = "VSPEC013";
}
