using System.Collections.Immutable;
using System.Globalization;

namespace Verified.Distributor.Tests.Properties;

/// <summary>
/// A ring of 3–6 ingesters with few tokens each (so replica sets differ between streams), some with stale
/// heartbeats, an answer per ingester, and 1–4 streams (gRPC path, one valid entry each).
/// </summary>
public sealed record QuorumCase(int Seed, ImmutableArray<bool> Stale, ImmutableArray<ReplicaAnswer> Answers, ImmutableArray<int> Streams)
{
    /// <summary>The selector of stream <paramref name="k"/>.</summary>
    public static string Selector(int k) => string.Create(CultureInfo.InvariantCulture, $"{{app=\"s{k}\"}}");

    /// <summary>Readable, for counterexamples.</summary>
    public override string ToString() =>
        $"seed={Seed} stale=[{string.Join(",", Stale)}] answers=[{string.Join(",", Answers)}] streams=[{string.Join(",", Streams)}]";
}
