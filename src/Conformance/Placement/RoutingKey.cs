namespace Verified.Conformance.Placement;

/// <summary>An _id or routing string, printed escaped in counterexamples (it may hold lone surrogates).</summary>
/// <param name="Value">The string.</param>
public sealed record RoutingKey(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Show.Text(Value);
}
