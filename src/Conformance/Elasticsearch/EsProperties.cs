using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Elasticsearch.Replication;

namespace Verified.Conformance.Elasticsearch;

/// <summary>
/// The replication properties of ELASTICSEARCH.md §4 (ES-REPL-n) over generated histories of index and delete
/// requests, node crashes and restarts, master-side disconnections, heals, checkpoint syncs and time passing, with
/// jittered links (delays, reordering) and asynchronous cluster-state application. A failure is labelled with the
/// seed, the steps, the writes' outcomes and the violations.
/// </summary>
public static class EsProperties
{
    /// <summary>One step: mostly writes and time, sometimes a fault.</summary>
    public static Gen<EsStep> Step { get; } = Gen.Frequency(
        (6, Gen.Choose(0, 3).SelectMany(k => Gen.Choose(0, 99), (k, v) => (EsStep)new EsStep.Index(k, v))),
        (2, Gen.Choose(0, 3).Select(k => (EsStep)new EsStep.Delete(k))),
        (4, Gen.Choose(1, 40).Select(ms => (EsStep)new EsStep.Advance(ms))),
        (1, Gen.Choose(0, EsHarness.Nodes - 1).Select(n => (EsStep)new EsStep.Crash(n))),
        (1, Gen.Choose(0, EsHarness.Nodes - 1).Select(n => (EsStep)new EsStep.Restart(n))),
        (1, Gen.Choose(0, EsHarness.Nodes - 1).Select(n => (EsStep)new EsStep.Disconnect(n))),
        (1, Gen.Constant((EsStep)new EsStep.Heal())),
        (1, Gen.Constant((EsStep)new EsStep.SyncCheckpoints())),
        (1, Gen.Choose(0, EsHarness.Nodes - 1).SelectMany(f => Gen.Choose(0, EsHarness.Nodes), (f, t) => (EsStep)new EsStep.DropNext(f, t))));

    /// <summary>Histories of 5–40 steps.</summary>
    public static Arbitrary<EsStep[]> Histories { get; } =
        Gen.Choose(5, 40).SelectMany(n => Gen.ArrayOf(Step, n)).ToArbitrary();

    /// <summary>
    /// Short histories that end in a primary failure: a burst of writes with little time between them, then a crash
    /// or a disconnection, then time. They make the window between a write reaching one replica and not another
    /// likely, which is where promotion, resync and trim matter.
    /// </summary>
    public static Arbitrary<EsStep[]> PromotionHistories { get; } =
        (from prefix in Gen.Elements<EsStep[]>([], [new EsStep.Crash(2), new EsStep.Restart(2)])
         from writes in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 3).Select(k => (EsStep)new EsStep.Index(k, k)), n))
         from drops in Gen.Elements<EsStep[]>([], [new EsStep.DropNext(0, 1), new EsStep.Index(3, 3), new EsStep.Advance(30)])
         from fault in Gen.Elements<EsStep>(new EsStep.Crash(0), new EsStep.Disconnect(0))
         from more in Gen.ArrayOf(Step, 3)
         select prefix.Concat(writes).Concat(drops).Append(fault).Append(new EsStep.Advance(100)).Concat(more).ToArray()).ToArbitrary();

    /// <summary>No run of the reference violates <paramref name="invariant"/> (one of <see cref="EsInvariants"/>).</summary>
    public static Property Holds(string invariant) => Holds(invariant, ReplicationFaults.None);

    /// <summary>No run of the reference (with seeded <paramref name="faults"/>) violates <paramref name="invariant"/>.</summary>
    internal static Property Holds(string invariant, ReplicationFaults faults) => Holds(invariant, faults, Histories);

    /// <summary>As <see cref="Holds(string, ReplicationFaults)"/> over <paramref name="histories"/>.</summary>
    internal static Property Holds(string invariant, ReplicationFaults faults, Arbitrary<EsStep[]> histories) =>
        Prop.ForAll(histories, Arb.From(Gen.Choose(0, int.MaxValue)), (steps, seed) =>
        {
            var run = EsHarness.Run(steps, seed, faults);
            var relevant = run.Violations.Where(v => v.StartsWith(invariant + ":", StringComparison.Ordinal) || v.StartsWith("Crash:", StringComparison.Ordinal)).ToList();
            return relevant.Count == 0 ? true.Label("no violation") : false.Label($"{invariant} violated\n{run}");
        });
}
