using Verified.Reference.Loki.Ingester;

namespace Verified.Reference.Loki.Querier;

/// <summary>The querier's client to ingesters (logproto.QuerierClient.Query): a failed call throws.</summary>
public interface IIngesterQueryClient
{
    /// <summary>
    /// The ingester at <paramref name="address"/>'s in-memory entries of <paramref name="tenant"/>'s matching streams with
    /// <paramref name="fromNs"/> ≤ ts &lt; <paramref name="throughNs"/>, streams sorted by labels, entries FORWARD.
    /// </summary>
    Task<IReadOnlyList<IngesterQueryStream>> QueryAsync(string address, string tenant, long fromNs, long throughNs, Func<string, bool> matches, CancellationToken cancellationToken);
}
