using FsCheck;
using FsCheck.Fluent;

namespace Verified.Conformance.Placement;

/// <summary>
/// Generators shared by the property classes. FsCheck's default int stays within ±size (100), so the full ranges
/// the properties mean are built here explicitly.
/// </summary>
public static class PlacementGen
{
    /// <summary>Any 32-bit unsigned value, uniformly, from two 16-bit halves.</summary>
    public static Gen<uint> FullRangeUInt { get; } =
        from high in Gen.Choose(0, 0xFFFF)
        from low in Gen.Choose(0, 0xFFFF)
        select ((uint)high << 16) | (uint)low;

    /// <summary>Any 32-bit signed value, with the edges (min, max, 0, −1) often.</summary>
    public static Gen<int> FullRangeInt { get; } = Gen.Frequency(
        (8, FullRangeUInt.Select(u => unchecked((int)u))),
        (1, Gen.Elements(int.MinValue, int.MaxValue, 0, -1, 1, int.MinValue + 1, int.MaxValue - 1)));

    /// <summary>A seed for a <see cref="System.Random"/> that builds a ring.</summary>
    public static Gen<int> Seed { get; } = Gen.Choose(0, int.MaxValue);
}
