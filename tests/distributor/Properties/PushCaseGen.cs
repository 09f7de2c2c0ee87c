using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Harness = Verified.Distributor.Tests.Support.Harness;

namespace Verified.Distributor.Tests.Properties;

/// <summary>
/// Generators for pushes that mix valid and invalid streams and entries. Limits are often shrunk to a few bytes so
/// that every rule is hit, and timestamps sit on the rules' bounds often (the old bound is strict, the new one too).
/// </summary>
public static class PushCaseGen
{
    private const long Second = 1_000_000_000L;
    private const long Day = 86_400 * Second;

    private static readonly Gen<string> Names = Gen.Elements("app", "job", "env", "foo", "service_name", "container", "a_long_label_name");
    private static readonly Gen<string> Values = Gen.Elements("x", "foo", "", "long-value-123");

    private static readonly Gen<ImmutableArray<(string, string)>> FewPairs =
        from n in Gen.Choose(0, 4)
        from names in Gen.ArrayOf(Names, n)
        from values in Gen.ArrayOf(Values, n)
        select names.Zip(values).ToImmutableArray();

    // Around the default of 15 names (service_name not counted).
    private static readonly Gen<ImmutableArray<(string, string)>> ManyPairs =
        from n in Gen.Choose(14, 17)
        from withService in Gen.Elements(false, true)
        select Enumerable.Range(0, n).Select(i => ($"l{i:D2}", "v")).Concat(withService ? new[] { ("service_name", "s") } : []).ToImmutableArray();

    private static readonly Gen<long> Offsets = Gen.Frequency(
        (6, Gen.Choose(0, 1000).Select(s => -s * Second)),
        (1, Gen.Constant(-7 * Day)),
        (1, Gen.Constant((-7 * Day) - 1)),
        (1, Gen.Constant(-8 * Day)),
        (1, Gen.Constant(600 * Second)),
        (1, Gen.Constant((600 * Second) + 1)));

    private static readonly Gen<string> Lines = Gen.Elements("", "hello", "thirteen-byte", "ééééééé");

    private static readonly Gen<ImmutableArray<Label>> Metadata = Gen.Frequency(
        (5, Gen.Constant(ImmutableArray<Label>.Empty)),
        (1, Gen.Constant(ImmutableArray.Create(new Label("trace_id", "abc")))),
        (1, Gen.Constant(ImmutableArray.Create(new Label("a", "1"), new Label("b", "2"), new Label("c", "3")))),
        (1, Gen.Constant(ImmutableArray.Create(new Label("k", new string('v', 25))))),
        (1, Gen.Constant(ImmutableArray.Create(new Label("detected_level", new string('i', 30))))),
        (1, Gen.Constant(ImmutableArray.Create(new Label("z", "1"), new Label("trace.id", "2")))));

    private static readonly Gen<LogEntry> Entries =
        from offset in Offsets
        from line in Lines
        from metadata in Metadata
        select new LogEntry(Harness.NowNs + offset, line, metadata);

    private static readonly Gen<StreamCase> Streams =
        from pairs in Gen.Frequency((8, FewPairs), (2, ManyPairs))
        from unparsable in Gen.Frequency((14, Gen.Constant(false)), (1, Gen.Constant(true)))
        from count in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3)))
        from entries in Gen.ArrayOf(Entries, count)
        select new StreamCase(pairs, unparsable, [.. entries]);

    private static readonly Gen<DistributorLimits> Limits =
        from names in Gen.Elements(15, 3)
        from nameLength in Gen.Elements(1024, 6)
        from valueLength in Gen.Elements(2048, 6)
        from lineSize in Gen.Elements(262144, 0, 12)
        from allowMetadata in Gen.Elements(true, true, false)
        from metadataSize in Gen.Elements(65536, 0, 20)
        from metadataCount in Gen.Elements(128, 0, 2)
        from rejectOld in Gen.Elements(true, true, false)
        from burst in Gen.Frequency((3, Gen.Constant(6 * 1048576)), (1, Gen.Choose(0, 150)))
        select DistributorLimits.Default.WithIngestionBytes(4 * 1048576, burst) with
        {
            MaxLabelNamesPerSeries = names,
            MaxLabelNameLength = nameLength,
            MaxLabelValueLength = valueLength,
            MaxLineSize = lineSize,
            AllowStructuredMetadata = allowMetadata,
            MaxStructuredMetadataSize = metadataSize,
            MaxStructuredMetadataEntriesCount = metadataCount,
            RejectOldSamples = rejectOld,
        };

    /// <summary>Whole pushes: 0–4 streams (zero streams rarely).</summary>
    public static Gen<PushCase> Cases { get; } =
        from path in Gen.Elements(PushPath.Grpc, PushPath.Http)
        from tenant in Gen.Elements("fake", "tenant-1")
        from limits in Limits
        from count in Gen.Frequency((1, Gen.Constant(0)), (12, Gen.Choose(1, 4)))
        from streams in Gen.ArrayOf(Streams, count)
        select new PushCase(path, tenant, limits, [.. streams]);
}
