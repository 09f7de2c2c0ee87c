using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Reference.Simulation;
using Xunit;
using static Verified.Simulation.Tests.NetworkTestKit;

namespace Verified.Simulation.Tests;

/// <summary>
/// The law an oracle leans on: whatever the faults, a call that succeeded was handled, and a call that failed
/// definitely was never handled (not even later, not even as a duplicate). Indefinite may go either way.
/// </summary>
public sealed class SimNetworkPropertyTests
{
    private static readonly string[] Nodes = ["a", "b", "c"];

    /// <summary>One step of a fault script.</summary>
    public abstract record Step;

    /// <summary>A call, optionally with a timeout.</summary>
    public sealed record Call(string From, string To, int TimeoutMs) : Step;

    /// <summary>Time passes.</summary>
    public sealed record Advance(int Ms) : Step;

    /// <summary>A node crashes.</summary>
    public sealed record Crash(string Node) : Step;

    /// <summary>A node restarts and registers again.</summary>
    public sealed record Restart(string Node) : Step;

    /// <summary>Two nodes are cut apart.</summary>
    public sealed record Cut(string A, string B) : Step;

    /// <summary>Every partition heals.</summary>
    public sealed record Heal : Step;

    /// <summary>A whole run: seed, link faults, handler work time, steps.</summary>
    public sealed record Script(int Seed, LinkFaults Faults, int WorkMs, Step[] Steps);

    private static readonly Gen<double> Rates = Gen.Elements(0.0, 0.0, 0.25, 0.5, 1.0);

    private static readonly Gen<string> Node = Gen.Elements(Nodes);

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (6, from f in Node from t in Node from timeout in Gen.Elements(0, 0, 2, 5, 9) select (Step)new Call(f, t, timeout)),
        (4, Gen.Choose(0, 6).Select(ms => (Step)new Advance(ms))),
        (1, Node.Select(n => (Step)new Crash(n))),
        (1, Node.Select(n => (Step)new Restart(n))),
        (1, from a in Node from b in Node select (Step)new Cut(a, b)),
        (1, Gen.Constant((Step)new Heal())));

    private static readonly Gen<Script> Scripts =
        from seed in Gen.Choose(0, 1_000_000)
        from requestDrop in Rates
        from responseDrop in Rates
        from duplicate in Rates
        from delay in Gen.Choose(0, 3)
        from jitter in Gen.Choose(0, 3)
        from work in Gen.Choose(0, 3)
        from steps in Gen.ArrayOf(Steps)
        select new Script(seed, new LinkFaults(requestDrop, responseDrop, duplicate, TimeSpan.FromMilliseconds(delay), TimeSpan.FromMilliseconds(jitter)), work, steps);

    [Fact]
    public void Outcomes_AreHonest_SuccessMeansHandled_DefiniteMeansNeverHandled() =>
        Inline.Run(() => PropertyChecks.ShouldHold(OutcomesAreHonest(NetworkBug.None)));

    [Fact]
    public void DroppedResponseReportedDefinite_IsCaught() =>
        Inline.Run(() => PropertyChecks.ShouldCatch(OutcomesAreHonest(NetworkBug.DroppedResponseIsDefinite)));

    [Fact]
    public void EveryCallEnds_OnceTimePassesAndPartitionsHeal() => Inline.Run(() =>
    {
        var (outcomes, _) = Run(new Script(3, new LinkFaults(0.3, 0.3, 0.3, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(2)), 2,
            [new Call("a", "b", 0), new Cut("a", "b"), new Call("a", "b", 0), new Crash("b"), new Call("c", "b", 4), new Restart("b"), new Call("c", "b", 0)]), NetworkBug.None);
        outcomes.ShouldAllBe(o => o.Outcome != "pending");
    });

    private static Property OutcomesAreHonest(NetworkBug bug) => Prop.ForAll(Scripts.ToArbitrary(), script =>
    {
        var (outcomes, started) = Run(script, bug);
        return outcomes.All(o => o.Outcome switch
        {
            "ok" => started.Contains(o.Id),
            "Definite" => !started.Contains(o.Id),
            "Indefinite" => true,
            _ => false, // pending forever, or an unexpected exception
        });
    });

    /// <summary>Plays the script, then heals and lets a long time pass so every delivery, duplicate and timeout ends.</summary>
    private static (List<(int Id, string Outcome)> Outcomes, HashSet<int> Started) Run(Script script, NetworkBug bug)
    {
        var clock = new SimulatedClock();
        var network = new SimNetwork(clock, new Random(script.Seed), bug) { DefaultLinkFaults = script.Faults };
        var started = new List<int>();
        var work = TimeSpan.FromMilliseconds(script.WorkMs);
        foreach (var node in Nodes)
        {
            RegisterEcho(network, clock, node, started, work);
        }

        var calls = new List<(int Id, Task<Pong> Task)>();
        foreach (var step in script.Steps)
        {
            switch (step)
            {
                case Call c:
                    var id = calls.Count;
                    var timeout = c.TimeoutMs == 0 ? (TimeSpan?)null : TimeSpan.FromMilliseconds(c.TimeoutMs);
                    calls.Add((id, network.CallAsync<Ping, Pong>(c.From, c.To, new Ping(id), timeout)));
                    break;
                case Advance a:
                    clock.Advance(TimeSpan.FromMilliseconds(a.Ms));
                    break;
                case Crash c:
                    network.Crash(c.Node);
                    break;
                case Restart r:
                    RegisterEcho(network, clock, r.Node, started, work);
                    network.Restart(r.Node);
                    break;
                case Cut c:
                    network.Partition([c.A], [c.B]);
                    break;
                case Heal:
                    network.Heal();
                    break;
            }
        }

        network.Heal();
        clock.Advance(TimeSpan.FromSeconds(10));
        return ([.. calls.Select(c => (c.Id, Outcome(c.Task)))], [.. started]);
    }
}
