namespace Verified.Distributor.Tests.Properties;

/// <summary>How one ingester answers in a quorum case.</summary>
public enum ReplicaAnswer
{
    /// <summary>200.</summary>
    Ok,

    /// <summary>500 with a body naming the ingester.</summary>
    ServerError,

    /// <summary>429 with a body naming the ingester.</summary>
    TooManyRequests,

    /// <summary>No answer (RemoteCallException naming the ingester).</summary>
    Unreachable,
}
