using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace Verified.Ingester.Tests;

/// <summary>One step of a generated ingester history.</summary>
internal abstract record Step
{
    /// <summary>Push to stream <paramref name="Stream"/> entries (second offset within ten minutes, line number).</summary>
    public sealed record Push(int Stream, ImmutableArray<(int Offset, int Line)> Entries) : Step
    {
        public override string ToString() => $"Push(s{Stream}: {string.Join(",", Entries.Select(e => $"{e.Offset}/{e.Line}"))})";
    }

    /// <summary>A flush pass (forced or not) with the next <paramref name="StoreFailures"/> chunk puts failing.</summary>
    public sealed record Flush(bool Forced, int StoreFailures) : Step;

    public sealed record Checkpoint : Step;

    /// <summary>Power loss of process and disk (torn unsynced writes), then a restart over the same disk and store.</summary>
    public sealed record Crash : Step;

    /// <summary>The clock moves on (idle flushes and retries come due).</summary>
    public sealed record Advance(int Minutes) : Step;
}

/// <summary>A seeded sequence of steps, with its generator and shrinker.</summary>
internal sealed record DurabilityCase(int Seed, ImmutableList<Step> Steps)
{
    public static Gen<Step> StepGen { get; } = Gen.Frequency(
        (6, from stream in Gen.Choose(0, 2)
            from entries in Gen.ListOf(Gen.Zip(Gen.Choose(0, 599), Gen.Choose(0, 3)), 3).Where(l => l.Count > 0)
            select (Step)new Step.Push(stream, [.. entries.Select(e => (e.Item1, e.Item2))])),
        (2, from forced in Gen.Elements(false, true)
            from failures in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Choose(1, 3)), (1, Gen.Choose(8, 12)))
            select (Step)new Step.Flush(forced, failures)),
        (1, Gen.Constant((Step)new Step.Checkpoint())),
        (1, Gen.Constant((Step)new Step.Crash())),
        (2, Gen.Choose(0, 40).Select(m => (Step)new Step.Advance(m))));

    public static Arbitrary<DurabilityCase> Arbitrary { get; } = Arb.From(
        from seed in Gen.Choose(0, int.MaxValue)
        from steps in Gen.ListOf(StepGen)
        select new DurabilityCase(seed, [.. steps]),
        Shrink);

    public override string ToString() => $"seed {Seed}: {string.Join("; ", Steps)}";

    /// <summary>Drop one step at a time: a counterexample shrinks to the steps that matter.</summary>
    private static IEnumerable<DurabilityCase> Shrink(DurabilityCase c) =>
        Enumerable.Range(0, c.Steps.Count).Select(i => c with { Steps = c.Steps.RemoveAt(i) });
}
