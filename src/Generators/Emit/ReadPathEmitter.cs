using System.Globalization;
using Verified.Generators.Model;

namespace Verified.Generators.Emit;

/// <summary>Emits a token-ring spec's read-path settings: a static <c>ReadPathSettings</c> and the interface's <c>ReadPath</c>.</summary>
internal static class ReadPathEmitter
{
    public static void Emit(IndentedWriter w, ReadPathModel? read)
    {
        w.Line("/// <summary>Read-path settings (the spec's read section); null when it has none.</summary>");
        if (read is null)
        {
            w.Line("public static readonly global::Verified.Routing.ReadPathOptions? ReadPathSettings = null;");
        }
        else
        {
            w.Line("public static readonly global::Verified.Routing.ReadPathOptions? ReadPathSettings = new(");
            w.Line($"    QueryIngestersWithin: {Duration(read.QueryIngestersWithin)},");
            w.Line($"    QueryStoreMaxLookBackPeriod: {Duration(read.QueryStoreMaxLookBackPeriod)},");
            w.Line($"    SplitQueriesByInterval: {Duration(read.SplitQueriesByInterval)},");
            w.Line($"    MaxEntriesLimitPerQuery: {Literal.Int(read.MaxEntriesLimitPerQuery)},");
            w.Line($"    MaxQueryLength: {Duration(read.MaxQueryLength)},");
            w.Line($"    MaxOutstandingPerTenant: {Literal.Int(read.MaxOutstandingPerTenant)},");
            w.Line($"    QuerierMaxConcurrent: {Literal.Int(read.QuerierMaxConcurrent)},");
            w.Line($"    WindowGap: global::Verified.Routing.WindowGapMode.{Literal.Pascal(read.WindowGap)},");
            w.Line($"    SplitMerge: global::Verified.Routing.SplitMergeMode.{Literal.Pascal(read.SplitMerge)});");
        }

        w.Line("/// <inheritdoc />");
        w.Line("public global::Verified.Routing.ReadPathOptions? ReadPath => ReadPathSettings;");
        w.Line();
    }

    /// <summary>An exact TimeSpan, with the spec's text beside it.</summary>
    private static string Duration(SpecDuration duration) =>
        $"global::System.TimeSpan.FromTicks({duration.Ticks.ToString(CultureInfo.InvariantCulture)}L) /* {duration.Text} */";
}
