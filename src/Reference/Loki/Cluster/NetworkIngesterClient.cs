using Verified.Reference.Loki.Push;
using Verified.Reference.Simulation;

namespace Verified.Reference.Loki.Cluster;

/// <summary>The distributor's ingester client over the simulated network: a dropped or unanswered call throws RemoteCallException.</summary>
public sealed class NetworkIngesterClient(SimNetwork network, string from) : IIngesterClient
{
    /// <inheritdoc />
    public Task<IngesterPushResponse> PushAsync(string address, IngesterPushRequest request, CancellationToken cancellationToken) =>
        network.CallAsync<IngesterPushRequest, IngesterPushResponse>(from, address, request, cancellationToken);
}
