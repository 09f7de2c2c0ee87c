using Verified.Reference.Loki.Ingester;

namespace Verified.Reference.Loki.Querier;

/// <summary>The querier's client to ingesters (logproto.QuerierClient.Query): a failed call throws.</summary>
public interface IIngesterQueryClient
{
    /// <summary>
    /// The ingester at <paramref name="address"/>'s answer to <paramref name="query"/>
    /// (<see cref="Ingester.Ingester.QueryAsync(IngesterQuery, CancellationToken)"/>): streams sorted by labels, entries FORWARD.
    /// </summary>
    Task<IReadOnlyList<IngesterQueryStream>> QueryAsync(string address, IngesterQuery query, CancellationToken cancellationToken);
}
