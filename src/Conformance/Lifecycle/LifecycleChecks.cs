using Verified.Conformance.Checks;
using Verified.Reference.Loki.Ring;
using Verified.Routing;

namespace Verified.Conformance.Lifecycle;

/// <summary>The instance lifecycle checks (LOKI-LIFE-n): the spec-driven Stateless machine against dskit.</summary>
public static class LifecycleChecks
{
    /// <summary>All lifecycle checks.</summary>
    public static IEnumerable<ConformanceCheck> All() =>
    [
        ConformanceCheck.Create("Instance state changes are exactly dskit's", ctx => Transitions(ctx.Target.Loki.Lifecycle), "LOKI-LIFE-1"),
        ConformanceCheck.Create("A restarted instance resumes JOINING as PENDING and LEAVING as ACTIVE", ctx => Restart(ctx.Target.Loki.Lifecycle), "LOKI-LIFE-2"),
    ];

    /// <summary>Every ordered pair of states: allowed ones change state, others fail with dskit's text.</summary>
    public static CheckOutcome Transitions(LifecycleTable table)
    {
        var problems = new List<string>();
        foreach (var from in DskitLifecycleModel.States)
        {
            foreach (var to in DskitLifecycleModel.States.Where(s => s != from))
            {
                var machine = new InstanceLifecycle(table, from);
                var allowed = DskitLifecycleModel.Allowed.Contains((from, to));
                try
                {
                    machine.ChangeTo(to);
                    if (!allowed)
                    {
                        problems.Add($"{from} -> {to} was allowed; dskit disallows it");
                    }
                    else if (machine.State != to)
                    {
                        problems.Add($"{from} -> {to} ended in {machine.State}");
                    }
                }
                catch (InvalidTransitionException ex)
                {
                    if (allowed)
                    {
                        problems.Add($"{from} -> {to} was refused; dskit allows it");
                    }
                    else if (ex.Message != DskitLifecycleModel.Disallowed(from, to))
                    {
                        problems.Add($"{from} -> {to}: message '{ex.Message}', expected '{DskitLifecycleModel.Disallowed(from, to)}'");
                    }
                }
            }
        }

        return problems.Count == 0 ? CheckOutcome.Pass("20 ordered state pairs") : CheckOutcome.Fail(string.Join("; ", problems));
    }

    /// <summary>Resume from every state follows initRing.</summary>
    public static CheckOutcome Restart(LifecycleTable table)
    {
        var problems = new List<string>();
        foreach (var found in DskitLifecycleModel.States)
        {
            var expected = DskitLifecycleModel.OnRestart.TryGetValue(found, out var resumed) ? resumed : found;
            var actual = InstanceLifecycle.Resume(table, found).State;
            if (actual != expected)
            {
                problems.Add($"found {found}: resumed {actual}, expected {expected}");
            }
        }

        return problems.Count == 0 ? CheckOutcome.Pass("5 states") : CheckOutcome.Fail(string.Join("; ", problems));
    }
}
