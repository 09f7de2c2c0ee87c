namespace Verified.Conformance.Placement;

/// <summary>dskit <c>tokenDistance</c> (ring/util.go): the clockwise distance on the 2^32 ring, a full turn when equal.</summary>
public static class TokenDistance
{
    /// <summary>Size of the token space.</summary>
    public const long RingSize = 1L << 32;

    /// <summary>Distance from <paramref name="from"/> to <paramref name="to"/> going up and wrapping; <c>from == to</c> is 2^32.</summary>
    public static long Between(uint from, uint to) => to > from ? (long)to - from : RingSize - from + to;
}
