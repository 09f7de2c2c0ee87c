using System.Text.Json;
using Verified.Conformance.Checks;
using Verified.Conformance.Placement;
using Verified.Reference.Loki.Frontend;

namespace Verified.Conformance.ReadPath;

/// <summary>loki/split_interval_vectors.json (upstream TestForInterval).</summary>
public static partial class ReadPathVectors
{
    /// <summary>loki/split_interval_vectors.json.</summary>
    public const string SplitIntervalFile = "loki/split_interval_vectors.json";

    private const decimal NanosPerSecond = 1_000_000_000m;

    /// <summary>Every case of TestForInterval: the pieces a range is split into (loki pkg/util/time.go ForInterval).</summary>
    public static CheckOutcome SplitIntervals(CheckContext context) => VectorReport.Run(context, SplitIntervalFile, (root, report) =>
    {
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            report.Case(name, () => report.Equal(name, "pieces", (string?)null, SplitIntervalMismatch(c)));
        }
    });

    /// <summary>Null when the case splits into the expected pieces (a 10 s interval unless the case gives one).</summary>
    internal static string? SplitIntervalMismatch(JsonElement c)
    {
        var interval = c.TryGetProperty("interval_s", out var i) ? i.GetDecimal() : 10m;
        var pieces = SplitByInterval.ForInterval(Ns(c.GetProperty("from_s")), Ns(c.GetProperty("through_s")), (long)(interval * NanosPerSecond), c.GetProperty("end_inclusive").GetBoolean());
        var expected = c.GetProperty("expected").EnumerateArray().Select(p => new TimeRange(Ns(p[0]), Ns(p[1]))).ToList();
        return pieces.SequenceEqual(expected) ? null : $"expected [{string.Join(", ", expected)}], actual [{string.Join(", ", pieces)}]";
    }

    private static long Ns(JsonElement seconds) => (long)(seconds.GetDecimal() * NanosPerSecond);
}
