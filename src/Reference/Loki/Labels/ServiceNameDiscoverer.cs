using Verified.Routing;

namespace Verified.Reference.Loki.Labels;

/// <summary>
/// Loki's service_name discovery on the HTTP push path (loki pkg/loghttp/push/push.go ParseLokiRequest): when a
/// stream has no service_name and is not internal, add the first non-empty value of the configured labels,
/// else the default. Runs on parsed labels (empty values already dropped), before hashing.
/// </summary>
public static class ServiceNameDiscoverer
{
    /// <summary>Returns <paramref name="labels"/> with service_name added where Loki adds it.</summary>
    public static IReadOnlyList<Label> Apply(IReadOnlyList<Label> labels, ServiceNameDiscovery rule)
    {
        if (rule.From.IsEmpty || Has(labels, rule.Label) || rule.SkipIfPresent.Any(internalLabel => Has(labels, internalLabel)))
        {
            return labels;
        }

        var value = rule.Default;
        foreach (var candidate in rule.From)
        {
            var found = labels.FirstOrDefault(l => l.Name == candidate).Value;
            if (!string.IsNullOrEmpty(found))
            {
                value = found;
                break;
            }
        }

        return [.. labels, new Label(rule.Label, value)];
    }

    private static bool Has(IReadOnlyList<Label> labels, string name) => labels.Any(l => l.Name == name);
}
