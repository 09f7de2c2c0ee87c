using Verified.Reference.Loki.Ingester;
using Verified.Reference.Simulation;

namespace Verified.Reference.Loki.Querier;

/// <summary>
/// An in-process <see cref="IIngesterQueryClient"/>: addresses resolved to <see cref="Ingester.Ingester"/> objects
/// through <paramref name="resolve"/>; an unknown address fails like an unreachable node.
/// </summary>
public sealed class LocalIngesterQueryClient(Func<string, Ingester.Ingester?> resolve) : IIngesterQueryClient
{
    /// <summary>A client over a fixed address → ingester map.</summary>
    public LocalIngesterQueryClient(IReadOnlyDictionary<string, Ingester.Ingester> ingesters)
        : this(address => ingesters.GetValueOrDefault(address))
    {
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IngesterQueryStream>> QueryAsync(string address, IngesterQuery query, CancellationToken cancellationToken)
    {
        var ingester = resolve(address) ?? throw new RemoteCallException($"no ingester at {address}", CallFailure.Definite);
        return ingester.QueryAsync(query, cancellationToken);
    }
}
