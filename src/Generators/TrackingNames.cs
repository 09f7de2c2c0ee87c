namespace Verified.Generators;

/// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string Build = nameof(Build);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Catalog = nameof(Catalog);
}
