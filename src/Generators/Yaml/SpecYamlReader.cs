using System;
using System.Collections.Generic;
using System.IO;
using Verified.Generators.Diagnostics;
using Verified.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Verified.Generators.Yaml;

/// <summary>Reads one spec file into a <see cref="SpecNode"/> tree, or a VSPEC001 diagnostic.</summary>
internal static class SpecYamlReader
{
    public static SpecNode? Read(string path, string text, List<DiagnosticInfo> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var line = (int)Math.Max(0, ex.Start.Line - 1);
            var column = (int)Math.Max(0, ex.Start.Column - 1);
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticIds.InvalidYaml,
                new SourceLocation(path, line, column, (int)Math.Max(0, ex.Start.Index), 1),
                ex.InnerException?.Message ?? ex.Message));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidYaml, SourceLocation.FileStart(path), "a spec file must be one YAML mapping"));
            return null;
        }

        return Convert(path, root);
    }

    private static SpecNode Convert(string path, YamlNode node)
    {
        var location = LocationOf(path, node);
        switch (node)
        {
            case YamlScalarNode scalar:
                return SpecNode.NewScalar(scalar.Value ?? string.Empty, location);
            case YamlSequenceNode sequence:
                var items = new List<SpecNode>();
                foreach (var child in sequence.Children)
                {
                    items.Add(Convert(path, child));
                }

                return SpecNode.NewSequence(items, location);
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<SpecNode, SpecNode>>();
                foreach (var entry in mapping.Children)
                {
                    entries.Add(new KeyValuePair<SpecNode, SpecNode>(Convert(path, entry.Key), Convert(path, entry.Value)));
                }

                return SpecNode.NewMapping(entries, location);
            default:
                return SpecNode.NewScalar(string.Empty, location);
        }
    }

    private static SourceLocation LocationOf(string path, YamlNode node)
    {
        var start = node.Start;
        var end = node.End;
        var length = (int)Math.Max(1, end.Index - start.Index);
        return new SourceLocation(path, (int)Math.Max(0, start.Line - 1), (int)Math.Max(0, start.Column - 1), (int)Math.Max(0, start.Index), length);
    }
}
