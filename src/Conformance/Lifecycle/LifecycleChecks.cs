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
        ConformanceCheck.Create("Ingester state changes are exactly replay, join, run, stop", ctx => Transitions(Find(ctx.Target.Loki, "Ingester"), LifecycleModel.LokiIngester), "LOKI-LIFE-3", "LOKI-DUR-4"),
        ConformanceCheck.Create("Chunk state changes are exactly close, flush, remove (retry on failure)", ctx => Transitions(Find(ctx.Target.Loki, "Chunk"), LifecycleModel.LokiChunk), "LOKI-LIFE-4", "LOKI-DUR-5"),
    ];

    /// <summary>The spec's lifecycle called <paramref name="name"/>; a spec without it fails the check.</summary>
    public static LifecycleTable Find(IRoutingSpec spec, string name) =>
        spec.Lifecycles.FirstOrDefault(l => l.Name == name) ?? throw new InvalidOperationException($"spec '{spec.Id}' has no {name} lifecycle");

    /// <summary>Every ordered pair of dskit instance states: allowed ones change state, others fail with dskit's text.</summary>
    public static CheckOutcome Transitions(LifecycleTable table) => Transitions(table, LifecycleModel.DskitInstance);

    /// <summary>Every ordered pair of the model's states: allowed ones change state, others fail with the model's text.</summary>
    public static CheckOutcome Transitions(LifecycleTable table, LifecycleModel model)
    {
        var problems = new List<string>();
        if (!table.States.Order(StringComparer.Ordinal).SequenceEqual(model.States.Order(StringComparer.Ordinal)))
        {
            problems.Add($"states are {string.Join(", ", table.States)}; expected {string.Join(", ", model.States)}");
        }

        foreach (var from in model.States.Where(table.States.Contains))
        {
            foreach (var to in model.States.Where(s => s != from))
            {
                var machine = new InstanceLifecycle(table, from);
                var allowed = model.Allowed.Contains((from, to));
                try
                {
                    machine.ChangeTo(to);
                    if (!allowed)
                    {
                        problems.Add($"{from} -> {to} was allowed; the model disallows it");
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
                        problems.Add($"{from} -> {to} was refused; the model allows it");
                    }
                    else if (ex.Message != model.Disallowed(from, to))
                    {
                        problems.Add($"{from} -> {to}: message '{ex.Message}', expected '{model.Disallowed(from, to)}'");
                    }
                }
            }
        }

        var pairs = model.States.Count * (model.States.Count - 1);
        return problems.Count == 0 ? CheckOutcome.Pass($"{pairs} ordered state pairs") : CheckOutcome.Fail(string.Join("; ", problems));
    }

    /// <summary>Resume from every state follows initRing.</summary>
    public static CheckOutcome Restart(LifecycleTable table)
    {
        var problems = new List<string>();
        var model = LifecycleModel.DskitInstance;
        foreach (var found in model.States)
        {
            var expected = model.OnRestart.TryGetValue(found, out var resumed) ? resumed : found;
            var actual = InstanceLifecycle.Resume(table, found).State;
            if (actual != expected)
            {
                problems.Add($"found {found}: resumed {actual}, expected {expected}");
            }
        }

        return problems.Count == 0 ? CheckOutcome.Pass("5 states") : CheckOutcome.Fail(string.Join("; ", problems));
    }
}
