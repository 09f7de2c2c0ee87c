using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Elasticsearch;
using Verified.Routing;

namespace Verified.Conformance.Placement;

/// <summary>Elasticsearch routing (ES-PLACE-1..8): the murmur3 hash, the shard functions, splits and partitions.</summary>
public static class ShardProperties
{
    private static readonly string[] Pieces = ["a", "Z", "0", "9", "#", "_", " ", "é", "Γ", "世", "🙂", "\uD800", "\uDC00", "\uFFFF", "\0"];

    /// <summary>_id and routing strings: ASCII, non-ASCII, surrogate pairs, lone surrogates, any code unit.</summary>
    public static Gen<string> Strings { get; } = Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(
        Gen.Frequency((3, Gen.Elements(Pieces)), (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString()))), n)).Select(p => string.Concat(p));

    /// <summary>N in 1..1024 (small ones often); R the REST default, N itself, or N × 1..64.</summary>
    public static Gen<ShardLayout> Layouts { get; } =
        from n in Gen.Frequency((3, Gen.Choose(1, 16)), (2, Gen.Choose(1, 1024)))
        from r in Gen.Frequency((2, Gen.Constant(IndependentModel.DefaultRoutingShards(n))), (1, Gen.Constant(n)), (1, Gen.Choose(1, 64).Select(k => n * k)))
        select new ShardLayout(n, r);

    /// <summary>Both shard functions.</summary>
    public static Gen<ShardFormula> Formulas { get; } = Gen.Elements(ShardFormula.Legacy, ShardFormula.Modulo);

    /// <summary>Documents: p = 1 with or without routing, or p in 2..min(R − 1, 32) with routing (required then).</summary>
    public static Gen<DocumentCase> Documents { get; } =
        from layout in Layouts
        from formula in Formulas
        from p in layout.RoutingShards >= 3 ? Gen.Frequency((2, Gen.Constant(1)), (1, Gen.Choose(2, Math.Min(layout.RoutingShards - 1, 32)))) : Gen.Constant(1)
        from id in Strings
        from routing in p > 1 ? Strings.Select(s => (string?)s) : Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Strings.Select(s => (string?)s)))
        select new DocumentCase(layout, formula, p, id, routing);

    /// <summary>Partitioned indices (R ≥ 3) with one routing value and 1–8 documents.</summary>
    public static Gen<PartitionCase> Partitions { get; } =
        from layout in Layouts.Select(l => l.RoutingShards >= 3 ? l : new ShardLayout(l.Shards, l.Shards * 3))
        from formula in Formulas
        from p in Gen.Choose(2, Math.Min(layout.RoutingShards - 1, 32))
        from routing in Strings
        from ids in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Strings, n))
        select new PartitionCase(layout, formula, p, routing, [.. ids]);

    /// <summary>
    /// The routing hash is murmur3 x86_32 (seed 0) over the UTF-16LE code units — lone surrogates as they are —
    /// read as a signed int, against the independent model (ES-PLACE-1).
    /// </summary>
    public static Property HashEqualsIndependentMurmur3OverUtf16(PlacementTarget t) => Prop.ForAll(Strings.Select(s => new RoutingKey(s)).ToArbitrary(), key =>
    {
        var s = key.Value;
        var problems = new List<string>();
        var expected = IndependentModel.Murmur3Utf16(s);
        problems.Expect($"Hash({Show.Text(s)})", expected, t.Elasticsearch.Hash(s));
        problems.Expect("HashBytes over the UTF-16LE bytes", unchecked((uint)expected), t.Elasticsearch.HashBytes(IndependentModel.Utf16LeBytes(s)));
        return Law.Holds(problems);
    });

    /// <summary>
    /// A document's shard equals the model for either function: effective routing = routing ?? _id, legacy
    /// FloorMod(h, R)/(R/N) or modulo FloorMod(h, N), partition offset FloorMod(Hash(_id), p) added with wrapping
    /// (ES-PLACE-2, ES-PLACE-3, ES-PLACE-6).
    /// </summary>
    public static Property ShardOfEqualsIndependentModel(PlacementTarget t) => Prop.ForAll(Documents.ToArbitrary(), c =>
    {
        var problems = new List<string>();
        var expected = IndependentModel.ShardOf(c.Formula, c.Id, c.Routing, c.Layout.Shards, c.Layout.RoutingShards, c.PartitionSize);
        var routing = IndexRouting.Create(t.Elasticsearch, c.Layout.Shards, c.Layout.RoutingShards, c.PartitionSize, c.Formula);
        problems.Expect("shard", expected, routing.ShardId(c.Id, c.Routing));
        return Law.Holds(problems);
    });

    /// <summary>The spec's default function gives the model's shard for it (for the modulo variant: FloorMod(h, N)) (ES-PLACE-3).</summary>
    public static Property DefaultFormulaShardEqualsIndependentModel(PlacementTarget t) =>
        Prop.ForAll(Documents.Select(c => c with { PartitionSize = 1 }).ToArbitrary(), c =>
        {
            var problems = new List<string>();
            var formula = t.Elasticsearch.DefaultFormula;
            var expected = IndependentModel.ShardOf(formula, c.Id, c.Routing, c.Layout.Shards, c.Layout.RoutingShards, 1);
            var routing = IndexRouting.Create(t.Elasticsearch, c.Layout.Shards, c.Layout.RoutingShards);
            problems.Expect($"shard under the default ({formula}) function", expected, routing.ShardId(c.Id, c.Routing));
            return Law.Holds(problems);
        });

    /// <summary>For every hash, N and R, both functions give a shard in [0, N) (ES-PLACE-3).</summary>
    public static Property ShardIsInRange(PlacementTarget t) =>
        Prop.ForAll(Gen.Zip(PlacementGen.FullRangeInt, Gen.Zip(Layouts, Formulas)).ToArbitrary(), c =>
        {
            var (hash, (layout, formula)) = c;
            var shard = t.Elasticsearch.Shard(hash, layout.Shards, layout.RoutingShards, formula);
            return Law.Holds(shard >= 0 && shard < layout.Shards ? [] : [$"hash {hash} {layout} {formula}: shard {shard} outside [0, {layout.Shards})"]);
        });

    /// <summary>When R = N the legacy and modulo functions agree, both FloorMod(h, N) (ES-PLACE-8).</summary>
    public static Property LegacyAndModuloAgreeWhenRoutingShardsEqualShards(PlacementTarget t) =>
        Prop.ForAll(Gen.Zip(PlacementGen.FullRangeInt, Gen.Choose(1, 1024)).ToArbitrary(), c =>
        {
            var (hash, n) = c;
            var problems = new List<string>();
            var expected = IndependentModel.FloorMod(hash, n);
            problems.Expect($"legacy shard of hash {hash}, N = R = {n}", expected, t.Elasticsearch.Shard(hash, n, n, ShardFormula.Legacy));
            problems.Expect($"modulo shard of hash {hash}, N = R = {n}", expected, t.Elasticsearch.Shard(hash, n, n, ShardFormula.Modulo));
            return Law.Holds(problems);
        });

    /// <summary>
    /// Legacy routing, split N → kN with R fixed (R a multiple of kN): a document's target shard divided by k is its
    /// source shard, and both equal the model (ES-PLACE-5).
    /// </summary>
    public static Property LegacySplitKeepsDocumentsInTheirSourceShardBlock(PlacementTarget t)
    {
        var splits = from n in Gen.Choose(1, 64)
                     from k in Gen.Choose(2, 8)
                     from m in Gen.Choose(1, 8)
                     from key in Strings
                     select new SplitCase(n, k, n * k * m, key);
        return Prop.ForAll(splits.ToArbitrary(), c =>
        {
            var problems = new List<string>();
            var source = IndexRouting.Create(t.Elasticsearch, c.Shards, c.RoutingShards, formula: ShardFormula.Legacy).ShardId(c.Key, null);
            var target = IndexRouting.Create(t.Elasticsearch, c.Shards * c.Factor, c.RoutingShards, formula: ShardFormula.Legacy).ShardId(c.Key, null);
            var hash = IndependentModel.Murmur3Utf16(c.Key);
            problems.Expect($"source shard ({c.Shards} of R {c.RoutingShards}) of {Show.Text(c.Key)}", IndependentModel.Shard(ShardFormula.Legacy, hash, c.Shards, c.RoutingShards), source);
            problems.Expect($"target shard ({c.Shards * c.Factor} of R {c.RoutingShards})", IndependentModel.Shard(ShardFormula.Legacy, hash, c.Shards * c.Factor, c.RoutingShards), target);
            problems.Expect($"target / {c.Factor}", source, target / c.Factor);
            return Law.Holds(problems);
        });
    }

    /// <summary>
    /// With routing_partition_size p a routing value's search visits at most p shards, all in [0, N); every document
    /// routed with it lands on one of them; and a document without routing is refused (ES-PLACE-6).
    /// </summary>
    public static Property PartitionedRoutingReachesAtMostPartitionSizeShards(PlacementTarget t) => Prop.ForAll(Partitions.ToArbitrary(), c =>
    {
        var problems = new List<string>();
        var routing = IndexRouting.Create(t.Elasticsearch, c.Layout.Shards, c.Layout.RoutingShards, c.PartitionSize, c.Formula);
        var shards = routing.SearchShards(c.Routing);
        if (shards.Count > c.PartitionSize || shards.Any(s => s < 0 || s >= c.Layout.Shards))
        {
            problems.Add($"search shards [{string.Join(",", shards)}]: more than p = {c.PartitionSize} or outside [0, {c.Layout.Shards})");
        }

        foreach (var id in c.Ids)
        {
            var shard = routing.ShardId(id, c.Routing);
            if (!shards.Contains(shard))
            {
                problems.Add($"_id {Show.Text(id)} went to shard {shard}, not among the search shards [{string.Join(",", shards)}]");
            }

            var expectedError = $"routing is required for [index]/[{id}]";
            try
            {
                routing.ShardId(id, null);
                problems.Add($"_id {Show.Text(id)} without routing was accepted");
            }
            catch (ArgumentException ex) when (ex.Message.StartsWith(expectedError, StringComparison.Ordinal))
            {
            }
        }

        return Law.Holds(problems);
    });

    /// <summary>
    /// ES#48863, the named expected consequence: under the legacy function with the default R and p ≤ f = R/N, a
    /// partitioned routing value reaches at most 1 + ceil((p−1)/f) = 2 shards, because consecutive hashes stay in one
    /// f-wide block; with R = N (p &lt; N) or the modulo function it reaches exactly min(p, N) = p (ES-PLACE-7).
    /// Hashes within p of int.MaxValue wrap to the other end of the range and are left out of the exact counts.
    /// </summary>
    public static Property PartitionedLegacyDefaultRoutingReachesAtMostTwoShards_ES48863(PlacementTarget t)
    {
        var cases = from n in Gen.Frequency((2, Gen.Choose(2, 16)), (1, Gen.Choose(2, 1024)))
                    let f = IndependentModel.DefaultRoutingShards(n) / n
                    from p in Gen.Choose(2, Math.Min(Math.Min(f, n), 64))
                    from routing in Strings
                    select new PartitionCountCase(n, p, routing);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var problems = new List<string>();
            var (n, p) = (c.Shards, c.PartitionSize);
            var defaultR = IndependentModel.DefaultRoutingShards(n);
            var f = defaultR / n;
            var wraps = IndependentModel.Murmur3Utf16(c.Routing) > int.MaxValue - p;
            var legacyDefault = IndexRouting.Create(t.Elasticsearch, n, defaultR, p, ShardFormula.Legacy).SearchShards(c.Routing);
            var bound = 1 + ((p - 1 + f - 1) / f);
            Check(problems, $"legacy, default R {defaultR}", legacyDefault, n, max: wraps ? p : bound, exact: null);
            var modulo = IndexRouting.Create(t.Elasticsearch, n, defaultR, p, ShardFormula.Modulo).SearchShards(c.Routing);
            Check(problems, $"modulo, R {defaultR}", modulo, n, max: p, exact: wraps ? null : Math.Min(p, n));
            if (p < n)
            {
                var legacyRn = IndexRouting.Create(t.Elasticsearch, n, n, p, ShardFormula.Legacy).SearchShards(c.Routing);
                Check(problems, "legacy, R = N", legacyRn, n, max: p, exact: wraps ? null : Math.Min(p, n));
            }

            return Law.Holds(problems);
        });
    }

    private static void Check(List<string> problems, string what, IReadOnlyList<int> shards, int n, int max, int? exact)
    {
        var text = $"{what}: shards [{string.Join(",", shards)}]";
        if (shards.Any(s => s < 0 || s >= n))
        {
            problems.Add($"{text} outside [0, {n})");
        }

        if (shards.Count > max)
        {
            problems.Add($"{text}: more than {max}");
        }

        if (exact is { } count && shards.Count != count)
        {
            problems.Add($"{text}: expected exactly {count}");
        }
    }
}
