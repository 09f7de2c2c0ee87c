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
                SourceLocation.Point(path, line, column, (int)Math.Max(0, ex.Start.Index)),
                ex.InnerException?.Message ?? ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // YamlDotNet throws InvalidOperationException for some malformed input (an unclosed [ or {):
            // that is still a bad spec, never a generator crash.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidYaml, EndOf(path, text), ex.Message));
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
        var line = (int)Math.Max(0, start.Line - 1);
        var column = (int)Math.Max(0, start.Column - 1);
        var endLine = (int)Math.Max(line, end.Line - 1);
        var endColumn = (int)Math.Max(0, end.Column - 1);
        if (endLine == line && endColumn <= column)
        {
            endColumn = column + 1;
        }

        return new SourceLocation(path, line, column, (int)Math.Max(0, start.Index), length, endLine, endColumn);
    }

    /// <summary>The last character of the file: where an unterminated construct was still open.</summary>
    private static SourceLocation EndOf(string path, string text)
    {
        var trimmed = text.TrimEnd();
        var offset = Math.Max(0, trimmed.Length - 1);
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return SourceLocation.Point(path, line, offset - lineStart, offset);
    }
}
