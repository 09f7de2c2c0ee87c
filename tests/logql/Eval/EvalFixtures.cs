using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.LogQL.Eval;
using Verified.Reference.Loki.Push;

namespace Verified.LogQL.Tests.Eval;

/// <summary>Small builders shared by the evaluation tests.</summary>
internal static class EvalFixtures
{
    public const long Second = 1_000_000_000;

    public static LabelSet Labels(params (string Name, string Value)[] pairs) => new(pairs.Select(p => new Label(p.Name, p.Value)));

    public static LogStream Stream(LabelSet labels, params (long Ns, string Line)[] entries) =>
        new(labels, [.. entries.Select(e => new LogEntry(e.Ns, e.Line))]);

    public static LogEntry Entry(long ns, string line, params (string Name, string Value)[] metadata) =>
        new(ns, line, [.. metadata.Select(m => new Label(m.Name, m.Value))]);

    public static string Show(LabelSet labels) => labels.ToString();

    public static ImmutableArray<SamplePoint> Points(params (long Ms, double Value)[] points) => [.. points.Select(p => new SamplePoint(p.Ms, p.Value))];
}
