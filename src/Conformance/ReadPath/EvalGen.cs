using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.ReadPath;

/// <summary>A generated metric query in the evaluator's subset, kept as parts so the naive model can read them.</summary>
internal sealed record GenQuery(
    string RangeOp, string Selector, string? LineFilter, long RangeNs, long OffsetNs, string? VectorOp, bool Without, string[] Groups, int K)
{
    public string Text
    {
        get
        {
            var range = $"{RangeNs / 1_000_000}ms";
            var offset = OffsetNs == 0 ? "" : $" offset {OffsetNs / 1_000_000}ms";
            var filter = LineFilter is null ? "" : $" |= \"{LineFilter}\"";
            var inner = $"{RangeOp}({Selector}{filter} [{range}]{offset})";
            if (VectorOp is null)
            {
                return inner;
            }

            var grouping = Groups.Length == 0 && !Without ? "" : $" {(Without ? "without" : "by")} ({string.Join(",", Groups)})";
            return VectorOp == "topk" ? $"topk{grouping} ({K}, {inner})" : $"{VectorOp}{grouping} ({inner})";
        }
    }

    public override string ToString() => Text;
}

/// <summary>One generated case: streams, a query and when it is evaluated.</summary>
internal sealed record EvalCase(LogStream[] Streams, GenQuery Query, MetricQuery At)
{
    public override string ToString() =>
        $"{Query.Text} at {At}\n" + string.Join("\n", Streams.Select(s => $"{s.Labels}: " + string.Join(" ", s.Entries.Select(e => $"{e.TimestampNs / 1_000_000}ms:{e.Line}"))));
}

/// <summary>
/// Generators. Timestamps, ranges, offsets and steps all lie on a 250 ms grid, so entries often sit exactly on
/// window edges — where an off-by-one in the window shows.
/// </summary>
internal static class EvalGen
{
    private const long Grid = 250_000_000;
    private static readonly string[] Apps = ["api", "web", "db"];
    private static readonly string[] Envs = ["prod", "dev"];
    private static readonly string[] Lines = ["ok", "error x", "é", "日本語 error", "", "a longer line"];

    private static Gen<LogStream> StreamFor(string app, string env) =>
        from n in Gen.Choose(0, 6)
        from ticks in Gen.ArrayOf(Gen.Choose(0, 80), n)
        from lines in Gen.ArrayOf(Gen.Elements(Lines), n)
        select new LogStream(
            new LabelSet([new Label("env", env), new Label("app", app)]),
            [.. ticks.Zip(lines, (t, l) => new LogEntry(t * Grid, l))]);

    public static Gen<LogStream[]> Streams =>
        from keys in Gen.SubListOf(Apps.SelectMany(a => Envs.Select(e => (a, e))).ToArray())
        from streams in Gen.CollectToSequence(keys.Select(k => StreamFor(k.a, k.e)))
        select streams.ToArray();

    public static Gen<GenQuery> Query =>
        from op in Gen.Elements("count_over_time", "rate", "bytes_over_time", "bytes_rate")
        from selector in Gen.Elements("{app=\"api\"}", "{env=\"prod\"}", "{app=~\"api|web\"}", "{app=~\".+\"}", "{app!=\"db\", env=~\"p.*\"}", "{app=~\"api|d\"}")
        from filter in Gen.Elements<string?>(null, null, "error", "é")
        from range in Gen.Choose(1, 24).Select(t => t * Grid)
        from offset in Gen.Frequency((3, Gen.Constant(0L)), (1, Gen.Choose(1, 12).Select(t => t * Grid)))
        from vector in Gen.Elements<string?>(null, null, "sum", "avg", "min", "max", "count", "topk")
        from without in Gen.Elements(false, false, true)
        from groups in Gen.SubListOf(new[] { "app", "env" })
        from k in Gen.Choose(1, 3)
        select new GenQuery(op, selector, filter, range, offset, vector, without, [.. groups], k);

    public static Gen<MetricQuery> At =>
        from start in Gen.Choose(0, 90).Select(t => t * Grid)
        from instant in Gen.Elements(true, false)
        from step in Gen.Choose(1, 12).Select(t => t * Grid)
        from steps in Gen.Choose(0, 10)
        select instant ? MetricQuery.Instant(start) : MetricQuery.Range(start, start + (steps * step), step);

    public static Gen<EvalCase> Case =>
        from streams in Streams
        from query in Query
        from at in At
        select new EvalCase(streams, query, at);
}
