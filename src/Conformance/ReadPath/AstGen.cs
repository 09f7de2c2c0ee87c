using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki.LogQL;

namespace Verified.Conformance.ReadPath;

/// <summary>
/// Generators of canonical ASTs in Verified's subset: the shapes the parser itself produces (e.g. no two
/// adjacent line-filter stages, which the parser would merge; no binary operation of two literals, which it
/// folds; byte sizes and vector() values that Loki's printers render exactly).
/// </summary>
internal static class AstGen
{
    private static readonly string[] LabelNames = ["app", "foo", "bar_baz", "level", "x1", "_y", "Namespace"];
    private static readonly string[] Regexes = ["a.*", ".+", "(?i)err", "foo|bar", "[0-9]+"];

    private static Gen<string> Name => Gen.Elements(LabelNames);

    private static Gen<string> Text => Gen.Elements("", "bar", "with space", "quote\"d", "back\\slash", "tab\tnl\n", "ünï©ødé", "emoji 😀", "{{.foo}}", "<_> x");

    private static Gen<ValueList<T>> ListOf<T>(Gen<T> gen, int min, int max) =>
        from n in Gen.Choose(min, max)
        from items in Gen.ArrayOf(gen, n)
        select new ValueList<T>(items);

    private static Gen<LabelMatcher> Matcher =>
        from type in Gen.Elements(Enum.GetValues<LabelMatchType>())
        from name in Name
        from value in type is LabelMatchType.Regexp or LabelMatchType.NotRegexp ? Gen.Elements(Regexes) : Text
        select new LabelMatcher(type, name, value);

    // The first matcher selects streams (validation requires one non-empty-compatible matcher).
    public static Gen<MatchersExpr> Selector =>
        from first in Gen.Elements("api", "loki", "x").Select(v => new LabelMatcher(LabelMatchType.Equal, "app", v))
        from rest in ListOf(Matcher, 0, 2)
        select new MatchersExpr(new ValueList<LabelMatcher>(rest.Prepend(first)));

    private static Gen<LineFilterTerm> Term =>
        Gen.Frequency((4, Text.Select(t => new LineFilterTerm(t, false))), (1, Gen.Elements("127.0.0.1", "10.0.0.0/8").Select(ip => new LineFilterTerm(ip, true))));

    private static Gen<LineFilter> LineFilterGen =>
        from type in Gen.Elements(Enum.GetValues<LineMatchType>())
        from terms in ListOf(Term, 1, type is LineMatchType.Equal or LineMatchType.Regexp or LineMatchType.Pattern ? 3 : 1)
        select new LineFilter(type, terms);

    private static Gen<LabelFilterOp> FilterOp => Gen.Elements(Enum.GetValues<LabelFilterOp>());

    // 0 bytes is left out: Loki prints it as "0B", which Go's scanner reads as a binary literal with no digits.
    private static Gen<LabelFilter> LeafFilter => Gen.OneOf(
        Matcher.Select(m => (LabelFilter)new StringLabelFilter(m)),
        from op in FilterOp
        from name in Name
        from value in Gen.Elements(0.0, 1.0, -1.0, 5.01, 250.0, 1e21, -0.001, 123456.789)
        select (LabelFilter)new NumericLabelFilter(op, name, value),
        from op in FilterOp
        from name in Name
        from nanos in Gen.Elements(1L, 1500L, 250_000_000L, 1_500_000_000L, 3_600_000_000_000L, 5_400_000_000_000L, -300_000_000_000L)
        select (LabelFilter)new DurationLabelFilter(op, name, nanos),
        from op in FilterOp
        from name in Name
        from bytes in Gen.Elements(1UL, 5UL, 2500UL, 123_000UL, 10_000_000_000UL, 9_900_000UL)
        select (LabelFilter)new BytesLabelFilter(op, name, bytes),
        from op in Gen.Elements(LabelFilterOp.Equal, LabelFilterOp.NotEqual)
        from name in Name
        from ip in Gen.Elements("1.2.3.4", "::1", "192.168.0.0/16")
        select (LabelFilter)new IpLabelFilter(op, name, ip));

    private static Gen<LabelFilter> LabelFilterGen => Gen.Sized(size => FilterOfDepth(Math.Min(size / 25, 3)));

    private static Gen<LabelFilter> FilterOfDepth(int depth) => depth <= 0
        ? LeafFilter
        : Gen.Frequency(
            (2, LeafFilter),
            (1, from l in FilterOfDepth(depth - 1)
                from r in FilterOfDepth(depth - 1)
                from and in Gen.Elements(true, false)
                select (LabelFilter)new BinaryLabelFilter(l, r, and)));

    private static Gen<LabelExtraction> Extraction =>
        from id in Name
        from bare in Gen.Elements(true, false)
        from expr in Gen.Elements("a.b", "request.headers[\"X\"]", "msg")
        select new LabelExtraction(id, bare ? id : expr);

    private static Gen<PipelineStage> OtherStage => Gen.OneOf(
        ListOf(Extraction, 0, 2).Select(e => (PipelineStage)new JsonParserStage(e)),
        from strict in Gen.Elements(true, false)
        from keep in Gen.Elements(true, false)
        from e in ListOf(Extraction, 0, 2)
        select (PipelineStage)new LogfmtParserStage(strict, keep, e),
        Gen.Elements(
            (PipelineStage)new LineParserStage("unpack", ""),
            new LineParserStage("regexp", "(?P<foo>\\w+)"),
            new LineParserStage("pattern", "<foo> <_>"),
            new DecolorizeStage()),
        LabelFilterGen.Select(f => (PipelineStage)new LabelFilterStage(f)),
        Text.Select(t => (PipelineStage)new LineFormatStage(t)),
        ListOf(
            from n in Name
            from rename in Gen.Elements(true, false)
            from v in rename ? Name : Text
            select new LabelFormat(n, v, rename), 1, 2).Select(f => (PipelineStage)new LabelFormatStage(f)),
        from keep in Gen.Elements(true, false)
        from labels in ListOf(Gen.OneOf(Name.Select(n => new NamedLabelMatcher(n, null)), Matcher.Select(m => new NamedLabelMatcher(null, m))), 1, 2)
        select (PipelineStage)new DropKeepStage(keep, labels));

    private static Gen<ValueList<PipelineStage>> Stages =>
        from n in Gen.Choose(1, 4)
        from kinds in Gen.ArrayOf(Gen.Elements(true, false), n)
        from filters in Gen.ArrayOf(ListOf(LineFilterGen, 1, 3), n)
        from others in Gen.ArrayOf(OtherStage, n)
        select new ValueList<PipelineStage>(Build(kinds, filters, others));

    // Adjacent line-filter stages would merge when reparsed, so a line-filter stage never follows another.
    private static IEnumerable<PipelineStage> Build(bool[] kinds, ValueList<LineFilter>[] filters, PipelineStage[] others)
    {
        var previousWasFilter = false;
        for (var i = 0; i < kinds.Length; i++)
        {
            var filter = kinds[i] && !previousWasFilter;
            var stage = filter ? new LineFilterStage(filters[i]) : others[i];

            // "| drop a != "x"" reads as the matcher a!="x" (Loki's grammar shifts too): after a drop/keep
            // ending in a bare name, no line filter follows.
            previousWasFilter = filter || stage is DropKeepStage { Labels: var l } && l[^1].Name is not null;
            yield return stage;
        }
    }

    public static Gen<LogSelectorExpr> LogSelector =>
        from selector in Selector
        from piped in Gen.Elements(true, false)
        from stages in Stages
        select piped ? (LogSelectorExpr)new PipelineExpr(selector, stages) : selector;

    private static Gen<UnwrapExpr> Unwrap =>
        from id in Name
        from conv in Gen.Elements("", "bytes", "duration", "duration_seconds")
        from post in ListOf(LabelFilterGen, 0, 2)
        select new UnwrapExpr(id, conv, post);

    private static Gen<LogRangeExpr> Range(bool unwrap) =>
        from left in LogSelector
        from interval in Gen.Elements(1_000_000L, 30_000_000_000L, 300_000_000_000L, 3_600_000_000_000L, 86_400_000_000_000L, 604_800_000_000_000L, 93_784_005_000_000L)
        from offset in Gen.Elements(0L, 0L, 600_000_000_000L, -300_000_000_000L, 1_500_000_000L, 1500L)
        from u in unwrap ? Unwrap.Select(x => (UnwrapExpr?)x) : Gen.Constant<UnwrapExpr?>(null)
        select new LogRangeExpr(left, interval, offset, u);

    private static Gen<Grouping> Grouping =>
        from without in Gen.Elements(true, false)
        from groups in ListOf(Name, 0, 3)
        select new Grouping(without, groups);

    private static readonly string[] PlainOps = ["count_over_time", "rate", "bytes_over_time", "bytes_rate", "absent_over_time"];
    private static readonly string[] UnwrapOps = ["sum_over_time", "avg_over_time", "max_over_time", "min_over_time", "stddev_over_time", "stdvar_over_time", "quantile_over_time", "first_over_time", "last_over_time", "rate", "rate_counter"];
    private static readonly HashSet<string> GroupingOps = ["avg_over_time", "stddev_over_time", "stdvar_over_time", "quantile_over_time", "max_over_time", "min_over_time", "first_over_time", "last_over_time"];

    private static Gen<SampleExpr> RangeAggregation =>
        from unwrap in Gen.Elements(true, false)
        from op in Gen.Elements(unwrap ? UnwrapOps : PlainOps)
        from range in Range(unwrap)
        from grouped in Gen.Elements(true, false)
        from grouping in Grouping
        from q in Gen.Elements(0.5, 0.99, 0.99998, 1.0)
        select (SampleExpr)new RangeAggregationExpr(op, range, grouped && GroupingOps.Contains(op) ? grouping : null, op == "quantile_over_time" ? q : null);

    private static Gen<SampleExpr> VectorAggregation(Gen<SampleExpr> inner) =>
        from op in Gen.Elements("sum", "avg", "min", "max", "count", "stddev", "stdvar", "topk", "bottomk", "sort", "sort_desc")
        from left in inner
        from grouping in Grouping
        from k in Gen.Choose(1, 100)
        let g = op is "sort" or "sort_desc" ? grouping with { Groups = ValueList<string>.Empty } : grouping
        select (SampleExpr)new VectorAggregationExpr(op, left, g.Without || g.Groups.Count > 0 ? g : Reference.Loki.LogQL.Grouping.None, op is "topk" or "bottomk" ? k : 0);

    private static Gen<BinOpOptions> Options =>
        from returnBool in Gen.Elements(true, false)
        from mode in Gen.Choose(0, 2)
        from labels in ListOf(Name, 1, 2)
        from card in Gen.Elements(Enum.GetValues<VectorMatchCardinality>())
        from include in Gen.Elements(true, false)
        select mode == 0
            ? BinOpOptions.Default with { ReturnBool = returnBool }
            : new BinOpOptions(returnBool, card, mode == 1, mode == 1 && labels.Count == 1 ? null : labels, card != VectorMatchCardinality.OneToOne && include ? labels : null);

    private static Gen<SampleExpr> Literal => Gen.Elements(0.0, 1.0, -2.5, 100.0, 1e21, 0.00001).Select(v => (SampleExpr)new LiteralExpr(v));

    private static Gen<SampleExpr> BinOp(Gen<SampleExpr> inner) =>
        from op in Gen.Elements("+", "-", "*", "/", "%", "^", "==", "!=", ">", ">=", "<", "<=", "or", "and", "unless")
        from left in inner
        from right in inner
        from literalSide in Gen.Choose(0, 2)
        from literal in Literal
        from options in Options
        let logical = op is "or" or "and" or "unless"
        let r = !logical && literalSide == 2 ? literal : right

        // "group_left (a + b)" reads the parenthesis as group_left's label list (Loki's grammar shifts too):
        // a bare group_left/group_right is never followed by a parenthesised right operand.
        let o = options.Card != VectorMatchCardinality.OneToOne && options.Include is null && r is BinOpExpr
            ? options with { Include = new ValueList<string>(["foo"]) }
            : options
        select (SampleExpr)new BinOpExpr(op, !logical && literalSide == 1 ? literal : left, r, o);

    private static Gen<SampleExpr> Sample(int depth) => depth <= 0
        ? Gen.Frequency(
            (6, RangeAggregation),
            (1, Gen.Elements(0.0, 1.0, 42.0).Select(v => (SampleExpr)new VectorExpr(v))))
        : Gen.Frequency(
            (3, RangeAggregation),
            (2, VectorAggregation(Sample(depth - 1))),
            (2, BinOp(Sample(depth - 1))),
            (1, from left in Sample(depth - 1)
                from args in Gen.ArrayOf(Text, 3)
                from regex in Gen.Elements(Regexes)
                select (SampleExpr)new LabelReplaceExpr(left, args[0], args[1], args[2], regex)));

    /// <summary>Any expression of the subset: log queries and metric queries.</summary>
    public static Gen<Expr> Expr => Gen.Sized(size => Gen.Frequency(
        (2, LogSelector.Select(e => (Expr)e)),
        (3, Sample(Math.Min(size / 30, 2)).Select(e => (Expr)e)),
        (1, Literal.Select(e => (Expr)e))));
}
