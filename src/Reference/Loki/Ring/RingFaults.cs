namespace Verified.Reference.Loki.Ring;

/// <summary>
/// Seeded bugs for negative controls: each makes the ring wrong in one known way, so the suite can show
/// that its properties catch it. Never set outside tests.
/// </summary>
[Flags]
internal enum RingFaults
{
    None = 0,

    /// <summary>The walk does not skip an instance it has already taken (dskit skips it).</summary>
    DuplicateInstanceNotSkipped = 1,
}
