using System.Collections.Immutable;
using Verified.Reference.Loki.Ring;

namespace Verified.Systematic.Tests.Placement;

/// <summary>
/// The correct registry: compare-and-swap with retry, as dskit's <c>kv.Client.CAS</c> — a change computed from
/// a snapshot that someone else replaced in the meantime is recomputed from the new one, so no change is lost.
/// </summary>
internal sealed class CasRingRegistry : IRingRegistry
{
    private readonly Func<IEnumerable<RingInstance>, Ring> _build;
    private readonly RingPublished _published;
    private Ring _current;

    private CasRingRegistry(Ring initial, Func<IEnumerable<RingInstance>, Ring> build, RingPublished published)
    {
        _current = initial;
        _build = build;
        _published = published;
    }

    /// <inheritdoc />
    public Ring Current => Volatile.Read(ref _current);

    /// <summary>A <see cref="RingRegistryFactory"/>.</summary>
    public static IRingRegistry Create(Ring initial, Func<IEnumerable<RingInstance>, Ring> build, RingPublished published) =>
        new CasRingRegistry(initial, build, published);

    /// <inheritdoc />
    public async Task ChangeAsync(string member, Func<ImmutableArray<RingInstance>, ImmutableArray<RingInstance>> change)
    {
        while (true)
        {
            var seen = Volatile.Read(ref _current);

            // The KV round trip: other members run between the read and the write.
            await Task.Yield();
            var next = _build(change(seen.Instances));
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, next, seen), seen))
            {
                _published(seen, next, member);
                return;
            }
        }
    }
}
