using System.Collections.Generic;
using System.Linq;
using Verified.Generators.Model;

namespace Verified.Generators.Yaml;

/// <summary>The kinds of YAML node a spec uses.</summary>
internal enum SpecNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// A YAML node that remembers the file and position it came from. Variant specs are merged
/// over their base at this level, so every value still points at the file that wrote it.
/// </summary>
internal sealed class SpecNode
{
    private SpecNode(SpecNodeKind kind, string? scalar, IReadOnlyList<KeyValuePair<SpecNode, SpecNode>>? entries, IReadOnlyList<SpecNode>? items, SourceLocation location)
    {
        Kind = kind;
        Scalar = scalar;
        Entries = entries ?? new List<KeyValuePair<SpecNode, SpecNode>>();
        Items = items ?? new List<SpecNode>();
        Location = location;
    }

    public SpecNodeKind Kind { get; }

    public string? Scalar { get; }

    /// <summary>Mapping entries in file order (keys are scalars).</summary>
    public IReadOnlyList<KeyValuePair<SpecNode, SpecNode>> Entries { get; }

    public IReadOnlyList<SpecNode> Items { get; }

    public SourceLocation Location { get; }

    public static SpecNode NewScalar(string value, SourceLocation location) => new(SpecNodeKind.Scalar, value, null, null, location);

    public static SpecNode NewMapping(IReadOnlyList<KeyValuePair<SpecNode, SpecNode>> entries, SourceLocation location) => new(SpecNodeKind.Mapping, null, entries, null, location);

    public static SpecNode NewSequence(IReadOnlyList<SpecNode> items, SourceLocation location) => new(SpecNodeKind.Sequence, null, null, items, location);

    public SpecNode? Get(string key) => Entries.FirstOrDefault(e => e.Key.Scalar == key).Value;

    public IEnumerable<string> Keys => Entries.Select(e => e.Key.Scalar ?? string.Empty);

    /// <summary>
    /// Deep-merges <paramref name="overlay"/> over this node: mappings merge key by key, anything else
    /// (scalars, sequences) is replaced whole.
    /// </summary>
    public SpecNode MergedWith(SpecNode overlay)
    {
        if (Kind != SpecNodeKind.Mapping || overlay.Kind != SpecNodeKind.Mapping)
        {
            return overlay;
        }

        var merged = new List<KeyValuePair<SpecNode, SpecNode>>();
        foreach (var entry in Entries)
        {
            var over = overlay.Get(entry.Key.Scalar ?? string.Empty);
            merged.Add(over is null ? entry : new KeyValuePair<SpecNode, SpecNode>(entry.Key, entry.Value.MergedWith(over)));
        }

        foreach (var entry in overlay.Entries)
        {
            if (Get(entry.Key.Scalar ?? string.Empty) is null)
            {
                merged.Add(entry);
            }
        }

        return NewMapping(merged, overlay.Location);
    }
}
