using Verified.Reference.Lifecycle;
using Verified.Routing;

namespace Verified.Reference.Loki.Ring;

/// <summary>
/// A ring instance's lifecycle: the spec's generated table driven by a <see cref="SpecStateMachine"/>; the trigger of
/// a transition is its target state, as in dskit's <c>changeState(to)</c>. A change the table does not allow
/// throws <see cref="InvalidTransitionException"/> with dskit's text.
/// </summary>
public sealed class InstanceLifecycle
{
    private readonly SpecStateMachine _machine;

    /// <summary>A machine in <paramref name="initial"/> (the table's initial state by default).</summary>
    public InstanceLifecycle(LifecycleTable table, string? initial = null) => _machine = new SpecStateMachine(table, initial);

    /// <summary>The current state.</summary>
    public string State => _machine.State;

    /// <summary>Changes to <paramref name="to"/>, or throws with the spec's disallowed text.</summary>
    public void ChangeTo(string to) => _machine.ChangeTo(to);

    /// <summary>Whether a change to <paramref name="to"/> is allowed now.</summary>
    public bool CanChangeTo(string to) => _machine.CanChangeTo(to);

    /// <summary>
    /// The state a restarted instance resumes in when it finds its own entry in <paramref name="found"/>
    /// (dskit initRing: JOINING → PENDING, LEAVING → ACTIVE); other states are kept.
    /// </summary>
    public static InstanceLifecycle Resume(LifecycleTable table, string found) =>
        new(table, table.OnRestart.TryGetValue(found, out var resumed) ? resumed : found);

    /// <summary>The machine as a Mermaid state diagram (for docs/; a test checks it for drift).</summary>
    public string ToMermaid() => _machine.ToMermaid();
}

/// <summary>A lifecycle change the spec does not allow; the message is the real system's text.</summary>
public sealed class InvalidTransitionException : InvalidOperationException
{
    /// <summary>Creates the error.</summary>
    public InvalidTransitionException(string message)
        : base(message)
    {
    }
}
