using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;

namespace Verified.Conformance.Placement;

/// <summary>
/// One generated stream: a tenant, its labels (some with empty values), the selector text for them, and a
/// rewrite of the same set — labels shuffled, extra empty-valued labels, other whitespace, maybe a trailing comma.
/// </summary>
/// <param name="Tenant">Tenant id ("" allowed: the token has no separator).</param>
/// <param name="Labels">Distinct names, in the order written in <paramref name="Selector"/>.</param>
/// <param name="Selector">The selector text.</param>
/// <param name="Rewritten">The same label set written differently.</param>
public sealed record TokenCase(string Tenant, ImmutableArray<Label> Labels, string Selector, string Rewritten)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"tenant {Show.Text(Tenant)} selector {Show.Text(Selector)} rewritten {Show.Text(Rewritten)}";
}
