using System.Collections.Immutable;
using Verified.Reference.Loki.Ring;

namespace Verified.Systematic.Tests.Placement;

/// <summary>
/// Where ring members publish the ring, as dskit keeps it in a KV store: readers take the current snapshot,
/// members change it by read-modify-write (dskit <c>kv.Client.CAS</c>). Snapshots are immutable
/// <see cref="Ring"/>s; a change builds a new one from the member list it read.
/// </summary>
internal interface IRingRegistry
{
    /// <summary>The snapshot published last.</summary>
    Ring Current { get; }

    /// <summary>Applies <paramref name="change"/> to the member list and publishes the result.</summary>
    /// <param name="member">Who changes the ring (named in invariant violations).</param>
    /// <param name="change">From the members read to the members to publish; may run more than once.</param>
    Task ChangeAsync(string member, Func<ImmutableArray<RingInstance>, ImmutableArray<RingInstance>> change);
}
