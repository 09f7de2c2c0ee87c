using System.Runtime.CompilerServices;
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
/// <remarks>
/// Each instance holds only its state. The Stateless machine is configured once per table and shared, reading and
/// writing the state of the instance that fires through Stateless' external state storage; firing holds the
/// shared machine's lock, and nothing a transition runs can block or await. An ingester makes a machine for every
/// chunk it cuts, and configuring one costs more than the transition it guards.
/// </remarks>
public sealed class SpecStateMachine
{
    private static readonly ConditionalWeakTable<LifecycleTable, SharedMachine> Machines = [];

    private readonly SharedMachine _shared;
    private string _state;

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

        _state = start;
        _shared = Machines.GetValue(table, static t => new SharedMachine(t));
    }

    /// <summary>The table the machine follows.</summary>
    public LifecycleTable Table { get; }

    /// <summary>The current state.</summary>
    public string State => Volatile.Read(ref _state);

    /// <summary>Changes to <paramref name="to"/>, or throws with the table's disallowed text.</summary>
    /// <exception cref="InvalidTransitionException">The table does not allow the change.</exception>
    public void ChangeTo(string to) => _shared.Fire(this, to);

    /// <summary>Whether a change to <paramref name="to"/> is allowed now.</summary>
    public bool CanChangeTo(string to) => _shared.CanFire(this, to);

    /// <summary>The machine as a Mermaid state diagram.</summary>
    public string ToMermaid() => _shared.ToMermaid(this);

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

    /// <summary>One table's configured Stateless machine; <see cref="_subject"/> is whose state it reads and writes.</summary>
    private sealed class SharedMachine
    {
        // A monitor, not a System.Threading.Lock: Coyote controls monitors, so an operation it pauses inside Fire
        // never blocks another one for real (with a Lock, the ring-membership scenario hung at iteration 3).
        private readonly object _gate = new();
        private readonly StateMachine<string, string> _machine;
        private SpecStateMachine? _subject;

        public SharedMachine(LifecycleTable table)
        {
            // Stateless reads the state while it is built, before any instance fires: the initial state stands in.
            _machine = new StateMachine<string, string>(
                () => _subject is { } subject ? subject._state : table.Initial,
                state => Volatile.Write(ref (_subject ?? throw new InvalidOperationException("no machine is firing"))._state, state));
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

        public void Fire(SpecStateMachine subject, string to)
        {
            lock (_gate)
            {
                _subject = subject;
                try
                {
                    _machine.Fire(to);
                }
                finally
                {
                    _subject = null;
                }
            }
        }

        public bool CanFire(SpecStateMachine subject, string to)
        {
            lock (_gate)
            {
                _subject = subject;
                try
                {
                    return _machine.CanFire(to);
                }
                finally
                {
                    _subject = null;
                }
            }
        }

        public string ToMermaid(SpecStateMachine subject)
        {
            lock (_gate)
            {
                _subject = subject;
                try
                {
                    return MermaidGraph.Format(_machine.GetInfo());
                }
                finally
                {
                    _subject = null;
                }
            }
        }
    }
}
