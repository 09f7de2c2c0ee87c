namespace Verified.Reference.Simulation;

/// <summary>A node's network-visible state; guarded by the network's lock.</summary>
internal sealed class SimNode
{
    public bool Up { get; set; } = true;

    /// <summary>Bumped by each crash: a handler that started in an older incarnation cannot answer.</summary>
    public int Incarnation { get; set; }

    /// <summary>Handlers by (request type, response type).</summary>
    public Dictionary<(Type Request, Type Response), Delegate> Handlers { get; } = [];

    /// <summary>Cancelled when the node crashes, so the dead incarnation's handlers stop.</summary>
    public CancellationTokenSource Lifetime { get; set; } = new();

    /// <summary>Calls whose handler runs here now.</summary>
    public HashSet<IPendingCall> Serving { get; } = [];

    /// <summary>Calls this node made that have not finished.</summary>
    public HashSet<IPendingCall> Waiting { get; } = [];
}
