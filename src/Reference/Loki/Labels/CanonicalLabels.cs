using System.Globalization;
using System.Text;
using Verified.Routing;

namespace Verified.Reference.Loki.Labels;

/// <summary>
/// Loki's canonical stream labels: <c>syntax.ParseLabels</c> (Prometheus ParseMetric, sorted by name, empty
/// values dropped) printed by Prometheus <c>labels.String()</c>. The rules come from the spec
/// (<see cref="CanonicalLabelOptions"/>), so a spec change changes the canonical form.
/// </summary>
public static class CanonicalLabels
{
    /// <summary>Loki's ParseLabels limit: <c>1&lt;&lt;24 - 1</c> bytes (loki pkg/logql/syntax/parser.go).</summary>
    public const int MaxLabelsBytes = (1 << 24) - 1;

    /// <summary>Parses a selector and applies the spec's sorting and empty-value rules.</summary>
    /// <exception cref="LabelParseException">The selector is not valid; the message is Loki's.</exception>
    public static LabelSet Parse(string text, CanonicalLabelOptions options)
    {
        var size = Encoding.UTF8.GetByteCount(text);
        if (size > MaxLabelsBytes)
        {
            throw new LabelParseException(string.Create(CultureInfo.InvariantCulture, $"labels size {size >> 20} MiB exceeds limit of {MaxLabelsBytes >> 20}"));
        }

        return Normalize(LabelParser.Parse(text), options);
    }

    /// <summary>Sorts (stable, UTF-8 byte order of names) and drops empty values as the spec says.</summary>
    public static LabelSet Normalize(IEnumerable<Label> labels, CanonicalLabelOptions options)
    {
        IEnumerable<Label> result = labels;
        if (options.DropEmptyValues)
        {
            result = result.Where(l => l.Value.Length > 0);
        }

        if (options.Sorted)
        {
            result = result.OrderBy(l => l.Name, Utf8Order.Instance);
        }

        return new LabelSet(result);
    }

    /// <summary>Prints labels as Prometheus <c>labels.String()</c>: <c>{a="1", b="2"}</c>, in the given order.</summary>
    public static string Format(IReadOnlyList<Label> labels, CanonicalLabelOptions options)
    {
        var builder = new StringBuilder(2 + (labels.Count * 16));
        builder.Append('{');
        for (var i = 0; i < labels.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(options.Separator);
            }

            var name = labels[i].Name;
            if (options.QuoteNonLegacyNames && !IsLegacyName(name))
            {
                GoQuote.Append(builder, name);
            }
            else
            {
                builder.Append(name);
            }

            builder.Append('=');
            GoQuote.Append(builder, labels[i].Value);
        }

        return builder.Append('}').ToString();
    }

    /// <summary>Parse, normalise and print: the canonical string of a selector.</summary>
    public static string Canonicalize(string text, CanonicalLabelOptions options) => Format(Parse(text, options), options);

    /// <summary>Prometheus' legacy label name rule: <c>[a-zA-Z_][a-zA-Z0-9_]*</c> (prometheus/common model/metric.go).</summary>
    public static bool IsLegacyName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = c is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') || (i > 0 && c is >= '0' and <= '9');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
