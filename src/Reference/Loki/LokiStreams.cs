using Verified.Reference.Loki.Labels;
using Verified.Routing;

namespace Verified.Reference.Loki;

/// <summary>How a pushed stream becomes its canonical labels and ring token (LOKI.md §1).</summary>
public static class LokiStreams
{
    /// <summary>
    /// The canonical label string of a selector: parsed, service_name discovered when
    /// <paramref name="discoverServiceName"/> (HTTP/OTLP path; direct gRPC pushes skip it), sorted, printed.
    /// </summary>
    /// <exception cref="LabelParseException">The selector is not valid; the message is Loki's.</exception>
    public static string Canonical(ITokenRingSpec spec, string selector, bool discoverServiceName = false)
    {
        var options = spec.CanonicalLabels;
        IReadOnlyList<Label> labels = CanonicalLabels.Parse(selector, options);
        if (discoverServiceName && spec.ServiceName is { } rule)
        {
            labels = CanonicalLabels.Normalize(ServiceNameDiscoverer.Apply(labels, rule), options);
        }

        return CanonicalLabels.Format(labels, options);
    }

    /// <summary>The token of a stream: the spec hash over the tenant and the canonical labels.</summary>
    public static (uint Token, string Canonical) TokenFor(ITokenRingSpec spec, string tenant, string selector, bool discoverServiceName = false)
    {
        var canonical = Canonical(spec, selector, discoverServiceName);
        return (spec.TokenFor(tenant, canonical), canonical);
    }
}
