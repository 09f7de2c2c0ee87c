using System.Collections.Immutable;
using Verified.Reference.Loki.Ring;

namespace Verified.Systematic.Tests.Placement;

/// <summary>
/// SEEDED BUG — negative control only. A registry that writes back blindly: it reads the snapshot, computes
/// its change and publishes it without checking that the snapshot is still current. Two members changing the
/// ring at once each copy the old member list, and the later write drops the earlier change (a lost join).
/// The systematic tests must find this; see <see cref="CasRingRegistry"/> for the correct version.
/// </summary>
internal sealed class RacyRingRegistry : IRingRegistry
{
    private readonly Func<IEnumerable<RingInstance>, Ring> _build;
    private readonly RingPublished _published;
    private Ring _current;

    private RacyRingRegistry(Ring initial, Func<IEnumerable<RingInstance>, Ring> build, RingPublished published)
    {
        _current = initial;
        _build = build;
        _published = published;
    }

    /// <inheritdoc />
    public Ring Current => Volatile.Read(ref _current);

    /// <summary>A <see cref="RingRegistryFactory"/>.</summary>
    public static IRingRegistry Create(Ring initial, Func<IEnumerable<RingInstance>, Ring> build, RingPublished published) =>
        new RacyRingRegistry(initial, build, published);

    /// <inheritdoc />
    public async Task ChangeAsync(string member, Func<ImmutableArray<RingInstance>, ImmutableArray<RingInstance>> change)
    {
        var seen = Volatile.Read(ref _current);

        // The KV round trip: other members run between the read and the write.
        await Task.Yield();
        var next = _build(change(seen.Instances));

        // The bug: a plain put where a compare-and-swap belongs.
        var replaced = Interlocked.Exchange(ref _current, next);
        _published(replaced, next, member);
    }
}
