using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.ReadPath;

/// <summary>A generated split-equivalence case: a store, a query over it and the frontend's settings.</summary>
internal sealed record FrontendCase(
    ImmutableArray<StoredEntry> Store, long StartNs, long EndNs, Direction Direction, int Limit, int IntervalSeconds, int Parallelism, int Queriers)
{
    public override string ToString() =>
        $"[{StartNs / FrontendCaseGen.Second - FrontendCaseGen.BaseSeconds}s, {EndNs / FrontendCaseGen.Second - FrontendCaseGen.BaseSeconds}s) {Direction} limit {Limit} interval {IntervalSeconds}s " +
        $"parallelism {Parallelism} queriers {Queriers}; store: " +
        string.Join(" ", Store.Select(s => $"{s.Labels}@{s.Entry.TimestampNs / FrontendCaseGen.Second - FrontendCaseGen.BaseSeconds}:{s.Entry.Line}{(s.Entry.StructuredMetadata.IsEmpty ? "" : "+sm")}"));
}

/// <summary>
/// Generators: entries on whole seconds (so they land on split boundaries often), few streams, lines and metadata
/// so that equal timestamps, exact duplicates and same-line-different-metadata pairs all occur.
/// </summary>
internal static class FrontendCaseGen
{
    /// <summary>One second in nanoseconds.</summary>
    public const long Second = 1_000_000_000L;

    /// <summary>The store's origin: a whole second that is a multiple of every generated interval.</summary>
    public const long BaseSeconds = 1_699_999_700L;

    private static readonly Gen<string> Labels = Gen.Elements("{app=\"a\"}", "{app=\"b\"}", "{app=\"c\", env=\"x\"}");
    private static readonly Gen<string> Lines = Gen.Elements("x", "y", "z");
    private static readonly Gen<ImmutableArray<Label>> Metadata = Gen.Frequency(
        (3, Gen.Constant(ImmutableArray<Label>.Empty)),
        (1, Gen.Constant(ImmutableArray.Create(new Label("trace_id", "1")))));

    private static readonly Gen<StoredEntry> Entries =
        from labels in Labels
        from second in Gen.Choose(0, 60)
        from line in Lines
        from metadata in Metadata
        select new StoredEntry(labels, new LogEntry((BaseSeconds + second) * FrontendCaseGen.Second, line, metadata));

    private static readonly Gen<ImmutableArray<StoredEntry>> Stores =
        from n in Gen.Choose(0, 25)
        from entries in Gen.ArrayOf(Entries, n)
        from copies in Gen.ArrayOf(Gen.Choose(0, 30), n / 4)
        select entries.Concat(copies.Where(c => c < entries.Length).Select(c => entries[c])).ToImmutableArray();

    public static Gen<FrontendCase> Cases { get; } =
        from store in Stores
        from start in Gen.Choose(-2, 40)
        from length in Gen.Choose(1, 70)
        from direction in Gen.Elements(Direction.Forward, Direction.Backward)
        from limit in Gen.Frequency((3, Gen.Choose(1, 8)), (1, Gen.Choose(9, 40)))
        from interval in Gen.Elements(0, 1, 7, 10, 25, 100)
        from parallelism in Gen.Choose(1, 4)
        from queriers in Gen.Choose(1, 2)
        select new FrontendCase(store, (BaseSeconds + start) * FrontendCaseGen.Second, (BaseSeconds + start + length) * FrontendCaseGen.Second, direction, limit, interval, parallelism, queriers);
}
