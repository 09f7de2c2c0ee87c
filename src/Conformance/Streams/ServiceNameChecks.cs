using Verified.Conformance.Checks;
using Verified.Reference.Loki;

namespace Verified.Conformance.Streams;

/// <summary>service_name discovery on the HTTP push path (LOKI-PLACE-12), against cases read off Loki's ParseLokiRequest.</summary>
public static class ServiceNameChecks
{
    /// <summary>Selector → canonical labels after discovery; from loki pkg/loghttp/push/push.go and LOKI.md §1.</summary>
    public static IReadOnlyList<(string Selector, string Expected)> Cases { get; } =
    [
        ("{app=\"foo\"}", "{app=\"foo\", service_name=\"foo\"}"),
        ("{}", "{service_name=\"unknown_service\"}"),
        ("{service_name=\"svc\", app=\"foo\"}", "{app=\"foo\", service_name=\"svc\"}"),
        // First non-empty of the list, in list order: service before app; empty values were already dropped.
        ("{app=\"a\", service=\"s\"}", "{app=\"a\", service=\"s\", service_name=\"s\"}"),
        ("{service=\"\", job=\"j\"}", "{job=\"j\", service_name=\"j\"}"),
        ("{k8s_job_name=\"k\", container=\"c\"}", "{container=\"c\", k8s_job_name=\"k\", service_name=\"c\"}"),
        // Internal streams are left alone.
        ("{__pattern__=\"x\", app=\"foo\"}", "{__pattern__=\"x\", app=\"foo\"}"),
        ("{__aggregated_metric__=\"m\"}", "{__aggregated_metric__=\"m\"}"),
    ];

    /// <summary>All service_name checks.</summary>
    public static IEnumerable<ConformanceCheck> All() =>
    [
        ConformanceCheck.Create("service_name is discovered before hashing on the HTTP push path", ctx => Discovery(ctx), "LOKI-PLACE-12"),
    ];

    private static CheckOutcome Discovery(CheckContext context)
    {
        var spec = context.Target.Loki;
        var problems = new List<string>();
        foreach (var (selector, expected) in Cases)
        {
            var actual = LokiStreams.Canonical(spec, selector, discoverServiceName: true);
            if (actual != expected)
            {
                problems.Add($"{selector}: got {actual}, expected {expected}");
            }
        }

        // Direct gRPC pushes skip discovery.
        var grpc = LokiStreams.Canonical(spec, "{app=\"foo\"}", discoverServiceName: false);
        if (grpc != "{app=\"foo\"}")
        {
            problems.Add($"without discovery {{app=\"foo\"}} became {grpc}");
        }

        return problems.Count == 0 ? CheckOutcome.Pass($"{Cases.Count + 1} cases") : CheckOutcome.Fail(string.Join("; ", problems));
    }
}
