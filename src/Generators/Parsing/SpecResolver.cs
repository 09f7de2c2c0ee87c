using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Verified.Generators.Diagnostics;
using Verified.Generators.Model;
using Verified.Generators.Yaml;

namespace Verified.Generators.Parsing;

/// <summary>
/// Reads every spec file, merges each variant over its base, parses the models and checks what only the
/// whole set can show (duplicate ids and classes, unknown bases, requirement IDs declared twice).
/// </summary>
internal static class SpecResolver
{
    public static SpecBuildResult Build(IEnumerable<SpecFile> files)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var roots = new List<(SpecFile File, SpecNode Root, string? Id, string? BaseId)>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var root = SpecYamlReader.Read(file.Path, file.Text, diagnostics);
            if (root is not null)
            {
                roots.Add((file, root, root.Get("spec")?.Scalar, root.Get("base")?.Scalar));
            }
        }

        var byId = new Dictionary<string, (SpecFile File, SpecNode Root, string? Id, string? BaseId)>();
        foreach (var entry in roots)
        {
            if (entry.Id is null)
            {
                continue;
            }

            if (byId.TryGetValue(entry.Id, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateSpec, entry.Root.Get("spec")!.Location, "id", entry.Id, first.File.Path));
            }
            else
            {
                byId[entry.Id] = entry;
            }
        }

        var models = new List<SpecModel>();
        foreach (var entry in roots)
        {
            if (entry.Id is not null && byId[entry.Id].File != entry.File)
            {
                continue;
            }

            var merged = Resolve(entry, byId, diagnostics, out var text);
            if (merged is null)
            {
                continue;
            }

            var role = RoleOf(entry.File.Path, entry.BaseId);
            var model = SpecParser.Parse(merged, entry.File.Path, role, Fnv1a64(text), diagnostics);
            if (model is not null)
            {
                models.Add(model);
            }
        }

        var rejected = CheckAcrossSpecs(models, roots, diagnostics);
        var duplicateIds = new HashSet<string>(diagnostics.Where(d => d.Id == DiagnosticIds.DuplicateSpec && d.Arguments[0] == "id").Select(d => d.Arguments[1]));
        var kept = models.Where(m => !rejected.Contains(m.Id) && !duplicateIds.Contains(m.Id)).ToList();
        return new SpecBuildResult(kept.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static SpecNode? Resolve(
        (SpecFile File, SpecNode Root, string? Id, string? BaseId) entry,
        Dictionary<string, (SpecFile File, SpecNode Root, string? Id, string? BaseId)> byId,
        List<DiagnosticInfo> diagnostics,
        out string text)
    {
        text = entry.File.Text;
        var node = entry.Root;
        var seen = new List<string> { entry.Id ?? "?" };
        var current = entry;
        while (current.BaseId is not null)
        {
            var baseLocation = current.Root.Get("base")!.Location;
            if (!byId.TryGetValue(current.BaseId, out var parent))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownBase, baseLocation, current.BaseId, entry.Id ?? "?", "is not declared by any spec file"));
                return null;
            }

            if (seen.Contains(current.BaseId))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownBase, baseLocation, current.BaseId, entry.Id ?? "?", "makes a cycle: " + string.Join(" -> ", seen) + " -> " + current.BaseId));
                return null;
            }

            seen.Add(current.BaseId);
            node = parent.Root.MergedWith(node);
            text = parent.File.Text + "\n" + text;
            current = parent;
        }

        return node;
    }

    /// <summary>Reports what only the whole set shows; returns the ids of specs that must not be emitted.</summary>
    private static HashSet<string> CheckAcrossSpecs(List<SpecModel> models, List<(SpecFile File, SpecNode Root, string? Id, string? BaseId)> roots, List<DiagnosticInfo> diagnostics)
    {
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        var classes = new Dictionary<string, SpecModel>();
        foreach (var model in models)
        {
            var key = model.Namespace + "." + model.ClassName;
            if (classes.TryGetValue(key, out var first))
            {
                var root = roots.First(r => r.File.Path == model.SourcePath).Root;
                var location = (root.Get("class") ?? root.Get("spec") ?? root).Location;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateSpec, location, "class", model.ClassName, first.SourcePath));
                rejected.Add(model.Id);
                rejected.Add(first.Id);
            }
            else
            {
                classes[key] = model;
            }
        }

        var requirementOwners = new Dictionary<string, string>();
        foreach (var model in models.Where(m => m.Role == "spec"))
        {
            foreach (var requirement in model.Requirements)
            {
                if (requirementOwners.TryGetValue(requirement.Id, out var owner))
                {
                    var root = roots.First(r => r.File.Path == model.SourcePath).Root;
                    var idNode = root.Get("requirements")?.Items.Select(i => i.Get("id")).FirstOrDefault(n => n?.Scalar == requirement.Id);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidRequirement, (idNode ?? root).Location, requirement.Id, "also declared by spec '" + owner + "'"));
                    rejected.Add(model.Id);
                }
                else
                {
                    requirementOwners[requirement.Id] = model.Id;
                }
            }
        }

        return rejected;
    }

    private static string RoleOf(string path, string? baseId)
    {
        var normalized = path.Replace('\\', '/');
        if (normalized.Contains("/mutants/"))
        {
            return "mutant";
        }

        return baseId is not null || normalized.Contains("/variants/") ? "variant" : "spec";
    }

    /// <summary>FNV-1a 64 over the UTF-16 code units of the spec text with line endings normalised.</summary>
    private static string Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text.Replace("\r\n", "\n"))
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
