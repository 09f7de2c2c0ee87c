namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// A query's time range in Unix nanoseconds: <see cref="StartNs"/> inclusive, <see cref="EndNs"/> exclusive (Loki's
/// range queries: <c>start</c> inclusive, <c>end</c> exclusive — loki docs/sources/reference/loki-http-api.md).
/// </summary>
/// <param name="StartNs">Inclusive start.</param>
/// <param name="EndNs">Exclusive end.</param>
public readonly record struct TimeRange(long StartNs, long EndNs)
{
    /// <summary>Whether <paramref name="timestampNs"/> lies in the range.</summary>
    public bool Contains(long timestampNs) => timestampNs >= StartNs && timestampNs < EndNs;

    /// <inheritdoc />
    public override string ToString() => $"[{StartNs}, {EndNs})";
}
