using System.Collections.Immutable;
using System.Text;
using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// What pushWithResolver does to a valid entry's structured metadata (loki pkg/distributor/distributor.go, with
/// prometheus/otlptranslator LabelNamer{} and Prometheus' stringlabels Builder): every name is normalised to a
/// Prometheus label name, a value holding U+FFFD has it replaced by a space, and the pairs come back sorted by
/// name (Loki converts them to sorted labels and copies them back). A name that cannot be normalised fails the
/// whole request with a 500 — Loki returns that error from inside its validation loop.
/// </summary>
internal static class StructuredMetadataSanitizer
{
    /// <summary>The pairs as Loki sends them on, or null with <paramref name="error"/> (the 500 body).</summary>
    public static ImmutableArray<Label>? Sanitize(ImmutableArray<Label> metadata, out string? error)
    {
        error = null;
        if (metadata.IsDefaultOrEmpty)
        {
            return metadata.IsDefault ? ImmutableArray<Label>.Empty : metadata;
        }

        // FromLabelAdaptersToLabels sorts by name (Go's sort is not stable for equal names; ours keeps their order).
        var sorted = metadata.OrderBy(l => l.Name, Utf8Order.Instance).ToList();
        var added = new List<Label>();
        var deleted = new List<string>();
        foreach (var pair in metadata)
        {
            if (Normalize(pair.Name, out error) is not { } normalized)
            {
                return null;
            }

            if (normalized != pair.Name)
            {
                Delete(added, deleted, pair.Name);
                Set(added, deleted, normalized, pair.Value);
            }

            if (pair.Value.EnumerateRunes().Any(r => r == Rune.ReplacementChar))
            {
                var fixedValue = new StringBuilder(pair.Value.Length);
                foreach (var rune in pair.Value.EnumerateRunes())
                {
                    fixedValue.Append(rune == Rune.ReplacementChar ? " " : rune.ToString());
                }

                Set(added, deleted, normalized, fixedValue.ToString());
            }
        }

        return added.Count == 0 && deleted.Count == 0 ? [.. sorted] : Merge(sorted, added, deleted);
    }

    /// <summary>
    /// LabelNamer{}.Build (UTF-8 not allowed): invalid characters become '_' with runs collapsed, <c>__x__</c> keeps
    /// its reserved underscores, a leading digit gets <c>key_</c>; an empty or all-underscore result is an error.
    /// </summary>
    public static string? Normalize(string name, out string? error)
    {
        error = null;
        if (name.Length == 0)
        {
            error = "label name is empty";
            return null;
        }

        var reserved = name.Length >= 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal);
        var core = reserved ? name[2..^2] : name;
        var builder = new StringBuilder(core.Length);
        var previousUnderscore = false;
        foreach (var rune in core.EnumerateRunes())
        {
            if (rune.Value is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                builder.Append((char)rune.Value);
                previousUnderscore = false;
            }
            else if (!previousUnderscore)
            {
                builder.Append('_');
                previousUnderscore = true;
            }
        }

        var normalized = reserved ? "__" + builder + "__" : builder.ToString();
        if (normalized[0] is >= '0' and <= '9')
        {
            normalized = "key_" + normalized;
        }

        if (normalized.All(c => c == '_'))
        {
            error = $"normalization for label name {GoQuote.Quote(name)} resulted in invalid name {GoQuote.Quote(normalized)}";
            return null;
        }

        return normalized;
    }

    // Builder.Del: drop pending sets of the name, remember the deletion.
    private static void Delete(List<Label> added, List<string> deleted, string name)
    {
        added.RemoveAll(l => l.Name == name);
        deleted.Add(name);
    }

    // Builder.Set: an empty value deletes; an existing pending set is updated in place.
    private static void Set(List<Label> added, List<string> deleted, string name, string value)
    {
        if (value.Length == 0)
        {
            Delete(added, deleted, name);
            return;
        }

        var at = added.FindIndex(l => l.Name == name);
        if (at >= 0)
        {
            added[at] = new Label(name, value);
        }
        else
        {
            added.Add(new Label(name, value));
        }
    }

    // stringlabels Builder.Labels: walk the sorted base, skipping deleted names, inserting pending sets in order;
    // a pending set replaces the first base label of its name only.
    private static ImmutableArray<Label> Merge(List<Label> sorted, List<Label> added, List<string> deleted)
    {
        var adds = added.OrderBy(l => l.Name, Utf8Order.Instance).ToList();
        var result = ImmutableArray.CreateBuilder<Label>(sorted.Count + adds.Count);
        var a = 0;
        foreach (var label in sorted)
        {
            if (deleted.Contains(label.Name))
            {
                continue;
            }

            for (; a < adds.Count && Utf8Order.Instance.Compare(adds[a].Name, label.Name) < 0; a++)
            {
                result.Add(adds[a]);
            }

            if (a < adds.Count && adds[a].Name == label.Name)
            {
                result.Add(adds[a++]);
                continue;
            }

            result.Add(label);
        }

        for (; a < adds.Count; a++)
        {
            result.Add(adds[a]);
        }

        return result.ToImmutable();
    }
}
