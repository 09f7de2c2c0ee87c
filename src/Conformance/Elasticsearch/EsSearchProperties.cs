using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Elasticsearch.Search;

namespace Verified.Conformance.Elasticsearch;

/// <summary>
/// Search through the cluster over generated histories of index and delete requests on a few ids, faults and
/// searches (ES-SEARCH-1..4). A failure is labelled with the seed, the steps, the writes' outcomes and the violations.
/// </summary>
public static class EsSearchProperties
{
    /// <summary>Violation prefixes, one per requirement.</summary>
    public const string Completeness = "Completeness", ShardFailures = "ShardFailures", Order = "Order", Window = "Window", NoPhantom = "NoPhantom";

    /// <summary>One step: writes of small values, searches, time, sometimes a fault.</summary>
    public static Gen<EsStep> Step { get; } = Gen.Frequency(
        (6, Gen.Choose(0, 5).SelectMany(k => Gen.Choose(0, 9), (k, v) => (EsStep)new EsStep.Index(k, v))),
        (2, Gen.Choose(0, 5).Select(k => (EsStep)new EsStep.Delete(k))),
        (2, Gen.Choose(0, 3).SelectMany(q => Gen.Choose(0, 9), (q, lo) => (q, lo)).SelectMany(p => Gen.Choose(0, 9), (p, hi) => (EsStep)new EsStep.Search(p.q, p.lo, hi))),
        (3, Gen.Choose(1, 40).Select(ms => (EsStep)new EsStep.Advance(ms))),
        (1, Gen.Choose(0, EsHarness.Nodes - 1).Select(n => (EsStep)new EsStep.Crash(n))),
        (1, Gen.Choose(0, EsHarness.Nodes - 1).Select(n => (EsStep)new EsStep.Restart(n))),
        (1, Gen.Choose(0, EsHarness.Nodes - 1).Select(n => (EsStep)new EsStep.Disconnect(n))),
        (1, Gen.Constant((EsStep)new EsStep.Heal())));

    /// <summary>Histories of 5–30 steps.</summary>
    public static Arbitrary<EsStep[]> Histories { get; } = Gen.Choose(5, 30).SelectMany(n => Gen.ArrayOf(Step, n)).ToArbitrary();

    /// <summary>No run violates the requirement behind <paramref name="prefix"/>.</summary>
    public static Property Holds(string prefix) => Holds(prefix, SearchFaults.None);

    internal static Property Holds(string prefix, SearchFaults faults) =>
        Prop.ForAll(Histories, Arb.From(Gen.Choose(0, int.MaxValue)), (steps, seed) =>
        {
            var run = EsSearchHarness.Run(steps, seed, faults);
            return run.Violations.Any(v => v.StartsWith(prefix + ":", StringComparison.Ordinal))
                ? false.Label($"{prefix} violated\n{run}")
                : true.Label("ok");
        });
}
