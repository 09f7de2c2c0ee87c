using System.Collections.Immutable;

namespace Verified.Conformance.Placement;

/// <summary>A token search: sorted distinct ring tokens and a key.</summary>
/// <param name="Tokens">Ascending, distinct.</param>
/// <param name="Key">The key searched for.</param>
public sealed record SearchCase(ImmutableArray<uint> Tokens, uint Key)
{
    /// <inheritdoc />
    public override string ToString() => $"tokens [{string.Join(",", Tokens)}] key {Key}";
}
