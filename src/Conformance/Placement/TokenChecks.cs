using Verified.Conformance.Checks;

namespace Verified.Conformance.Placement;

/// <summary>The token checks: the stream token properties, run as <c>verified check</c> runs them.</summary>
public static partial class PlacementChecks
{
    private static IEnumerable<ConformanceCheck> TokenChecks() =>
    [
        ConformanceCheck.Create(
            "Token is independent of label order, empty values and selector whitespace",
            ctx => PropertyRunner.Run(TokenProperties.IndependentOfLabelOrder(ctx.Target), ctx),
            "LOKI-PLACE-2",
            "LOKI-PLACE-3"),
        ConformanceCheck.Create(
            "Token equals the independent FNV-1 model over UTF-8 tenant and canonical labels",
            ctx => PropertyRunner.Run(TokenProperties.EqualsIndependentFnv1Model(ctx.Target), ctx),
            "LOKI-PLACE-1",
            "LOKI-PLACE-2"),
    ];
}
