namespace Verified.Reference.Loki.Querier;

/// <summary>
/// A query time range in Unix nanoseconds: <see cref="StartNs"/> inclusive, <see cref="EndNs"/> exclusive (Loki's
/// <c>[start, end)</c>). An interval built by <see cref="QueryIntervals"/> may be empty (start = end), as Loki's can.
/// </summary>
/// <param name="StartNs">First instant included.</param>
/// <param name="EndNs">First instant excluded.</param>
public readonly record struct TimeInterval(long StartNs, long EndNs)
{
    /// <summary>Whether <paramref name="timestampNs"/> lies in <c>[start, end)</c>.</summary>
    public bool Contains(long timestampNs) => timestampNs >= StartNs && timestampNs < EndNs;

    /// <inheritdoc />
    public override string ToString() => $"[{StartNs}, {EndNs})";
}
