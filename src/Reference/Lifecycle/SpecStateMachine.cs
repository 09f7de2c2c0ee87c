using Stateless;
using Stateless.Graph;
using Verified.Reference.Loki.Ring;
using Verified.Routing;

namespace Verified.Reference.Lifecycle;

/// <summary>
/// A Stateless machine configured from a spec lifecycle table: states are the table's states, the trigger of a
/// transition is its target state, and only the table's transitions are permitted. Any other change throws
/// <see cref="InvalidTransitionException"/> with the table's <c>disallowed</c> text. Used for every spec lifecycle:
/// ring instances (<see cref="InstanceLifecycle"/>), ingesters and chunks.
/// </summary>
public sealed class SpecStateMachine
{
    private readonly StateMachine<string, string> _machine;

    /// <summary>A machine over <paramref name="table"/> in <paramref name="initial"/> (the table's initial state by default).</summary>
    /// <exception cref="ArgumentException"><paramref name="initial"/> is not a state of the table.</exception>
    public SpecStateMachine(LifecycleTable table, string? initial = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
        var start = initial ?? table.Initial;
        if (!table.States.Contains(start))
        {
            throw new ArgumentException($"'{start}' is not a state of lifecycle {table.Name}; states: {string.Join(", ", table.States)}", nameof(initial));
        }

        _machine = new StateMachine<string, string>(start);
        foreach (var state in table.States)
        {
            var configuration = _machine.Configure(state);
            foreach (var transition in table.Transitions.Where(t => t.From == state))
            {
                configuration.Permit(transition.To, transition.To);
            }
        }

        _machine.OnUnhandledTrigger((from, to) => throw new InvalidTransitionException(table.Disallowed(from, to)));
    }

    /// <summary>The table the machine follows.</summary>
    public LifecycleTable Table { get; }

    /// <summary>The current state.</summary>
    public string State => _machine.State;

    /// <summary>Changes to <paramref name="to"/>, or throws with the table's disallowed text.</summary>
    /// <exception cref="InvalidTransitionException">The table does not allow the change.</exception>
    public void ChangeTo(string to) => _machine.Fire(to);

    /// <summary>Whether a change to <paramref name="to"/> is allowed now.</summary>
    public bool CanChangeTo(string to) => _machine.CanFire(to);

    /// <summary>The machine as a Mermaid state diagram.</summary>
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    /// <summary>Checks that <paramref name="table"/> has every state in <paramref name="required"/> and a path between them the code relies on.</summary>
    /// <exception cref="ArgumentException">A state is missing.</exception>
    public static void RequireStates(LifecycleTable table, IEnumerable<string> required)
    {
        ArgumentNullException.ThrowIfNull(table);
        var missing = required.Where(s => !table.States.Contains(s)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"lifecycle {table.Name} lacks the states {string.Join(", ", missing)} this code drives", nameof(table));
        }
    }
}
