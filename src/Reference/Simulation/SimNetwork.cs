namespace Verified.Reference.Simulation;

/// <summary>
/// An in-process network of named nodes calling each other's async handlers, with faults that can be changed at
/// any time and are deterministic given the seeded <see cref="Random"/>: every call draws the same five numbers
/// at the moment it is made, whatever the faults, so one seed and one sequence of calls give one run.
/// </summary>
/// <remarks>
/// <para>Failures follow Maelstrom's split. Definite — the handler never ran: the callee is down or unknown, the
/// nodes are partitioned when the request arrives, the request was dropped, or no handler matches. Indefinite — it
/// may have run: the response was lost (dropped, partitioned or crashed on the way back), the callee crashed while
/// handling it, the caller crashed while waiting, or the per-call timeout on the injected clock fired first (the
/// request may still arrive later). A handler's own exception reaches the caller unchanged: that is an answer.</para>
/// <para>Messages are passed by reference; requests and responses are immutable records. State sits behind one lock
/// that is never held across an await or while a call completes (continuations run inline), so the network works
/// under Coyote, and a <see cref="SimulatedClock"/> advance from a thread without a SynchronizationContext runs
/// everything it wakes before it returns.</para>
/// </remarks>
public sealed partial class SimNetwork
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly NetworkBug _bug;
    private readonly Dictionary<string, SimNode> _nodes = new(StringComparer.Ordinal);
    private int _inFlight;

    /// <summary>A network on <paramref name="time"/> whose faults draw from <paramref name="random"/> (seed it).</summary>
    public SimNetwork(TimeProvider time, Random random)
        : this(time, random, NetworkBug.None)
    {
    }

    /// <summary>A network with a seeded bug, for negative controls.</summary>
    internal SimNetwork(TimeProvider time, Random random, NetworkBug bug)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        _time = time;
        _random = random;
        _bug = bug;
    }

    /// <summary>The timeout of calls that do not pass one; null waits forever (the default).</summary>
    public TimeSpan? DefaultTimeout { get; set; }

    /// <summary>Deliveries not yet finished (including duplicates and those whose caller gave up).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// Registers <paramref name="node"/>'s handler for <typeparamref name="TRequest"/> → <typeparamref name="TResponse"/>,
    /// replacing any. Its token is cancelled if the node crashes. A down node may register before it restarts.
    /// </summary>
    public void Register<TRequest, TResponse>(string node, Func<TRequest, CancellationToken, Task<TResponse>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            NodeLocked(node).Handlers[(typeof(TRequest), typeof(TResponse))] = handler;
        }
    }

    /// <summary>Whether <paramref name="node"/> is up (nodes are up until crashed).</summary>
    public bool IsUp(string node)
    {
        lock (_gate)
        {
            return NodeLocked(node).Up;
        }
    }

    /// <summary>
    /// Crashes <paramref name="node"/>: its handlers are removed, calls it is serving fail indefinite and their
    /// handlers' token is cancelled, calls it is waiting for fail indefinite, and calls to it fail definite until
    /// <see cref="Restart"/>.
    /// </summary>
    public void Crash(string node)
    {
        List<IPendingCall> serving, waiting;
        CancellationTokenSource lifetime;
        lock (_gate)
        {
            var state = NodeLocked(node);
            state.Up = false;
            state.Incarnation++;
            state.Handlers.Clear();
            serving = [.. state.Serving];
            waiting = [.. state.Waiting];
            state.Serving.Clear();
            state.Waiting.Clear();
            lifetime = state.Lifetime;
            state.Lifetime = new CancellationTokenSource();
        }

        foreach (var call in serving)
        {
            call.Fail(CallFailure.Indefinite, $"node {node} crashed while handling the call");
        }

        foreach (var call in waiting)
        {
            call.Fail(CallFailure.Indefinite, $"node {node} crashed while waiting for the answer");
        }

        // Not disposed: the dead incarnation's handlers may still hold the token.
        lifetime.Cancel();
    }

    /// <summary>Brings <paramref name="node"/> back up; it must register its handlers again (before or after).</summary>
    public void Restart(string node)
    {
        lock (_gate)
        {
            NodeLocked(node).Up = true;
        }
    }

    private SimNode NodeLocked(string node)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        if (!_nodes.TryGetValue(node, out var state))
        {
            state = new SimNode();
            _nodes[node] = state;
        }

        return state;
    }
}
