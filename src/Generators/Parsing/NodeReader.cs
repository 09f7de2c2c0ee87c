using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Verified.Generators.Diagnostics;
using Verified.Generators.Model;
using Verified.Generators.Yaml;

namespace Verified.Generators.Parsing;

/// <summary>Typed, diagnosing access to a spec mapping: every problem becomes a VSPEC diagnostic, never an exception.</summary>
internal sealed class NodeReader
{
    private readonly List<DiagnosticInfo> _diagnostics;

    public NodeReader(List<DiagnosticInfo> diagnostics) => _diagnostics = diagnostics;

    public bool HasErrors => _diagnostics.Count > 0;

    public void Report(string id, SourceLocation location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(id, location, arguments));

    /// <summary>Reports every key of <paramref name="mapping"/> that is not in <paramref name="allowed"/>.</summary>
    public void CheckKeys(SpecNode mapping, string path, params string[] allowed)
    {
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Scalar ?? string.Empty;
            if (!allowed.Contains(key))
            {
                Report(DiagnosticIds.UnknownKey, entry.Key.Location, key, path.Length == 0 ? "(top level)" : path, string.Join(", ", allowed));
            }
        }
    }

    public SpecNode? Mapping(SpecNode parent, string key, string path, bool required = true) => Child(parent, key, path, SpecNodeKind.Mapping, "mapping", required);

    public SpecNode? Sequence(SpecNode parent, string key, string path, bool required = true) => Child(parent, key, path, SpecNodeKind.Sequence, "sequence", required);

    public Located<string>? Scalar(SpecNode parent, string key, string path, bool required = true)
    {
        var node = Child(parent, key, path, SpecNodeKind.Scalar, "scalar", required);
        return node is null ? null : new Located<string>(node.Scalar ?? string.Empty, node.Location);
    }

    public string String(SpecNode parent, string key, string path, string fallback, bool required = true) =>
        Scalar(parent, key, path, required)?.Value ?? fallback;

    public string OneOf(SpecNode parent, string key, string path, string fallback, params string[] allowed)
    {
        var value = Scalar(parent, key, path, required: fallback.Length == 0);
        if (value is null)
        {
            return fallback;
        }

        if (!allowed.Contains(value.Value))
        {
            Report(DiagnosticIds.UnknownValue, value.Location, value.Value, Join(path, key), string.Join(", ", allowed));
            return fallback.Length == 0 ? allowed[0] : fallback;
        }

        return value.Value;
    }

    public int Int(SpecNode parent, string key, string path, int min, int max, int? fallback = null)
    {
        var value = Scalar(parent, key, path, required: fallback is null);
        if (value is null)
        {
            return fallback ?? min;
        }

        if (!int.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            Report(DiagnosticIds.OutOfRange, value.Location, value.Value, Join(path, key), "expected an integer");
            return fallback ?? min;
        }

        if (result < min || result > max)
        {
            Report(DiagnosticIds.OutOfRange, value.Location, value.Value, Join(path, key), $"must be between {min} and {max}");
            return fallback ?? min;
        }

        return result;
    }

    public ulong ULong(SpecNode parent, string key, string path, ulong fallback)
    {
        var value = Scalar(parent, key, path, required: false);
        if (value is null)
        {
            return fallback;
        }

        if (!ulong.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var result))
        {
            Report(DiagnosticIds.OutOfRange, value.Location, value.Value, Join(path, key), "expected a non-negative integer");
            return fallback;
        }

        return result;
    }

    public bool Bool(SpecNode parent, string key, string path, bool? fallback = null)
    {
        var value = Scalar(parent, key, path, required: fallback is null);
        if (value is null)
        {
            return fallback ?? false;
        }

        switch (value.Value)
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                Report(DiagnosticIds.UnknownValue, value.Location, value.Value, Join(path, key), "true, false");
                return fallback ?? false;
        }
    }

    /// <summary>A required non-negative Go-syntax duration (<see cref="GoDuration"/>); VSPEC005 with what a valid one is otherwise.</summary>
    public Located<SpecDuration>? Duration(SpecNode parent, string key, string path)
    {
        var value = Scalar(parent, key, path);
        if (value is null)
        {
            return null;
        }

        if (!GoDuration.TryParse(value.Value, out var ticks, out var reason))
        {
            Report(DiagnosticIds.OutOfRange, value.Location, value.Value, Join(path, key), reason);
            return null;
        }

        return new Located<SpecDuration>(new SpecDuration(ticks, value.Value), value.Location);
    }

    public List<Located<string>> StringList(SpecNode parent, string key, string path, bool required = true)
    {
        var result = new List<Located<string>>();
        var sequence = Sequence(parent, key, path, required);
        if (sequence is null)
        {
            return result;
        }

        foreach (var item in sequence.Items)
        {
            if (item.Kind != SpecNodeKind.Scalar)
            {
                Report(DiagnosticIds.WrongNodeType, item.Location, Join(path, key) + "[]", "scalar");
                continue;
            }

            result.Add(new Located<string>(item.Scalar ?? string.Empty, item.Location));
        }

        return result;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private SpecNode? Child(SpecNode parent, string key, string path, SpecNodeKind kind, string kindName, bool required)
    {
        var node = parent.Get(key);
        if (node is null)
        {
            if (required)
            {
                Report(DiagnosticIds.MissingKey, parent.Location, key, path.Length == 0 ? "(top level)" : path);
            }

            return null;
        }

        if (node.Kind != kind)
        {
            Report(DiagnosticIds.WrongNodeType, node.Location, Join(path, key), kindName);
            return null;
        }

        return node;
    }
}
