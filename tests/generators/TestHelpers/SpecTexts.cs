namespace Verified.Generators.Tests.TestHelpers;

/// <summary>
/// The repository's spec files (copied next to the test assembly under spec/) as in-memory texts with
/// stable relative paths, so generated code and golden files never contain a machine path.
/// </summary>
internal static class SpecTexts
{
    public const string LokiPath = "spec/loki.yaml";
    public const string ElasticsearchPath = "spec/elasticsearch.yaml";
    public const string LokiRf5ZonesPath = "spec/variants/loki-rf5-zones.yaml";
    public const string ElasticsearchModuloPath = "spec/variants/elasticsearch-modulo.yaml";
    public const string LokiCompatReadPath = "spec/variants/loki-compat-read.yaml";

    public static string Loki => Read(LokiPath);

    public static string Elasticsearch => Read(ElasticsearchPath);

    /// <summary>The two base specs and the three variants: the set the golden files are made from.</summary>
    public static InMemoryAdditionalText[] BasesAndVariants() =>
        [File(LokiPath), File(ElasticsearchPath), File(LokiRf5ZonesPath), File(ElasticsearchModuloPath), File(LokiCompatReadPath)];

    /// <summary>Every spec file the repository has (bases, variants, mutants), in path order.</summary>
    public static InMemoryAdditionalText[] All()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "spec");
        return Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(full => "spec/" + Path.GetRelativePath(root, full).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(File)
            .ToArray();
    }

    public static InMemoryAdditionalText File(string relativePath) => new(relativePath, Read(relativePath));

    public static string Read(string relativePath) =>
        System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath)).ReplaceLineEndings("\n");
}
