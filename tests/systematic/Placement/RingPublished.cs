using Verified.Reference.Loki.Ring;

namespace Verified.Systematic.Tests.Placement;

/// <summary>Called on every publish with the snapshot it replaced, so invariants see each step.</summary>
internal delegate void RingPublished(Ring replaced, Ring published, string member);
