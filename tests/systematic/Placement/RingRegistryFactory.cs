using Verified.Reference.Loki.Ring;

namespace Verified.Systematic.Tests.Placement;

/// <summary>Builds a registry holding <paramref name="initial"/>, building snapshots with <paramref name="build"/>.</summary>
internal delegate IRingRegistry RingRegistryFactory(Ring initial, Func<IEnumerable<RingInstance>, Ring> build, RingPublished published);
