using System.Text;
using Verified.Reference.Loki.Labels;

namespace Verified.Conformance.Placement;

/// <summary>The canonical label string, modelled for the alphabet the token generators draw from.</summary>
public static partial class IndependentModel
{
    /// <summary>
    /// Prometheus <c>labels.String()</c> after Loki's ParseLabels (LOKI.md §1): drop empty values, sort by name
    /// (the generated names are ASCII, so ordinal UTF-16 order is UTF-8 byte order), print
    /// <c>{a="1", b="2"}</c>, quoting names outside <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.
    /// </summary>
    public static string CanonicalLabels(IEnumerable<Label> labels)
    {
        var kept = labels.Where(l => l.Value.Length > 0).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        var parts = kept.Select(l => (IsLegacyLabelName(l.Name) ? l.Name : Quote(l.Name)) + "=" + Quote(l.Value));
        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>
    /// Go <c>strconv.Quote</c> for the generators' alphabet only: printable ASCII as is except <c>"</c> and
    /// <c>\</c>; <c>\n</c> and <c>\t</c> as escapes; letters and symbols beyond ASCII (é, 世, 🙂) as is; NBSP is not
    /// printable in Go (category Zs, not the ASCII space), so it becomes <c>\u00a0</c>. Anything else is refused,
    /// so a generator change cannot silently outgrow the model.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            var text = rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                0xA0 => "\\u00a0",
                >= ' ' and <= '~' => rune.ToString(),
                'é' or 'Γ' or '世' or 0x1F642 => rune.ToString(),
                _ => throw new ArgumentException($"the canonical-label model does not cover U+{rune.Value:X4}", nameof(value)),
            };
            builder.Append(text);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Prometheus' legacy name rule, spelled out.</summary>
    public static bool IsLegacyLabelName(string name)
    {
        const string first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
        const string rest = first + "0123456789";
        return name.Length > 0 && first.Contains(name[0], StringComparison.Ordinal) && name.Skip(1).All(c => rest.Contains(c, StringComparison.Ordinal));
    }
}
