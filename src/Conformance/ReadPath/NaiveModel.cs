using System.Text;
using Verified.Reference.Loki.Labels;

namespace Verified.Conformance.ReadPath;

/// <summary>
/// The obviously-correct model the evaluator is compared with: for every step, scan every entry of every stream,
/// keep those in <c>(t − offset − range, t − offset]</c>, count or sum bytes per stream, then aggregate by brute force.
/// It knows nothing of iterators, heaps, pushdown or sorting.
/// </summary>
internal static class NaiveModel
{
    /// <summary>Per step (ms), the expected samples: labels text → value; for topk, the kept values per group.</summary>
    public static List<(long Ms, Dictionary<string, double> Samples)> Evaluate(EvalCase c)
    {
        var q = c.Query;
        var result = new List<(long, Dictionary<string, double>)>();
        var step = c.At.StepNs == 0 ? 1 : c.At.StepNs;
        for (var t = c.At.StartNs; t <= c.At.EndNs; t += step)
        {
            var end = t - q.OffsetNs;
            var start = end - q.RangeNs;
            var perStream = new Dictionary<LabelSet, double>();
            foreach (var stream in c.Streams.Where(s => Selects(q.Selector, s.Labels)))
            {
                var inWindow = stream.Entries.Where(e => e.TimestampNs > start && e.TimestampNs <= end && (q.LineFilter is null || e.Line.Contains(q.LineFilter, StringComparison.Ordinal))).ToList();
                if (inWindow.Count == 0)
                {
                    continue;
                }

                double count = inWindow.Count, bytes = inWindow.Sum(e => Encoding.UTF8.GetByteCount(e.Line));
                var seconds = q.RangeNs / 1e9;
                perStream[Sorted(stream.Labels)] = q.RangeOp switch
                {
                    "count_over_time" => count,
                    "rate" => count / seconds,
                    "bytes_over_time" => bytes,
                    _ => bytes / seconds,
                };
            }

            result.Add(((t / 1_000_000), Aggregate(q, perStream)));
        }

        return result;
    }

    private static Dictionary<string, double> Aggregate(GenQuery q, Dictionary<LabelSet, double> samples)
    {
        if (q.VectorOp is null)
        {
            return samples.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value);
        }

        var groups = samples.GroupBy(kv => new LabelSet(kv.Key.Where(l => q.Groups.Contains(l.Name) != q.Without)).ToString());
        var output = new Dictionary<string, double>();
        foreach (var g in groups)
        {
            var values = g.Select(kv => kv.Value).ToList();
            switch (q.VectorOp)
            {
                case "sum": output[g.Key] = values.Sum(); break;
                case "avg": output[g.Key] = values.Average(); break;
                case "min": output[g.Key] = values.Min(); break;
                case "max": output[g.Key] = values.Max(); break;
                case "count": output[g.Key] = values.Count; break;
                default:
                    // topk: the group's k largest values (which of several equal values is kept is not pinned).
                    var top = values.OrderByDescending(v => v).Take(q.K).ToList();
                    for (var i = 0; i < top.Count; i++)
                    {
                        output[$"{g.Key}#{i}"] = top[i];
                    }

                    break;
            }
        }

        return output;
    }

    private static LabelSet Sorted(LabelSet labels) => new(labels.OrderBy(l => l.Name, StringComparer.Ordinal));

    private static bool Selects(string selector, LabelSet labels)
    {
        string app = labels.Get("app") ?? "", env = labels.Get("env") ?? "";
        return selector switch
        {
            "{app=\"api\"}" => app == "api",
            "{env=\"prod\"}" => env == "prod",
            "{app=~\"api|web\"}" => app is "api" or "web",
            "{app=~\".+\"}" => app.Length > 0,
            "{app=~\"api|d\"}" => app is "api" or "d", // anchored: "db" does not match
            _ => app != "db" && env.StartsWith('p'),
        };
    }
}
