using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>
/// A compiled log query: stream matchers plus pipeline stages (loki pkg/logql/log/pipeline.go). Supported stages:
/// line filters (<c>|= != |~ !~</c>, <c>or</c>), bare <c>| json</c> and <c>| logfmt</c>, and label filters
/// (string, number, duration, bytes, <c>and</c>/<c>or</c>). Anything else throws
/// <see cref="LogQLNotSupportedException"/> at compile time, never a silently different answer.
/// </summary>
public sealed class LogPipeline
{
    private readonly Func<string, bool>[] _matchers;
    private readonly string[] _matcherNames;
    private readonly Stage[] _stages;

    // Set when every stage is a line filter: then an entry's labels cannot change and only its line is tested.
    private readonly Func<string, bool>[]? _lineFilters;

    private LogPipeline(Func<string, bool>[] matchers, string[] matcherNames, Stage[] stages, bool skipParsers, Func<string, bool>[]? lineFilters)
    {
        _matchers = matchers;
        _matcherNames = matcherNames;
        _stages = stages;
        SkipParsers = skipParsers;
        _lineFilters = lineFilters;
    }

    private delegate bool Stage(string line, LabelsBuilder labels, bool skipParsers);

    /// <summary>
    /// True when Loki's parser hints say no label is needed (<c>sum(count_over_time({…} | json [1m]))</c>):
    /// the json/logfmt stages then do nothing, so malformed lines raise no error (loki pkg/logql/log/parser_hints.go).
    /// </summary>
    public bool SkipParsers { get; }

    /// <summary>Compiles <paramref name="selector"/>; throws <see cref="LogQLNotSupportedException"/> outside the subset.</summary>
    public static LogPipeline Compile(LogSelectorExpr selector) => Compile(selector, noLabelsHint: false, EvalFaults.None);

    internal static LogPipeline Compile(LogSelectorExpr selector, bool noLabelsHint, EvalFaults faults)
    {
        var matchers = selector.Matchers.Select(m => Matchers.Compile(m, faults)).ToArray();
        var names = selector.Matchers.Select(m => m.Name).ToArray();
        var stages = new List<Stage>();
        var lineFilters = new List<Func<string, bool>>();
        var onlyLineFilters = true;
        var labelFilterSeen = false;
        if (selector is PipelineExpr pipeline)
        {
            foreach (var stage in pipeline.Stages)
            {
                stages.Add(CompileStage(stage));
                labelFilterSeen |= stage is LabelFilterStage;
                if (stage is LineFilterStage lf)
                {
                    lineFilters.AddRange(lf.Filters.Select(LineFilters.Compile));
                }
                else
                {
                    onlyLineFilters = false;
                }
            }
        }

        // parser_hints.go NewParserHint: with noLabels and no label filter naming a label, parsers extract nothing.
        return new LogPipeline(matchers, names, [.. stages], noLabelsHint && !labelFilterSeen, onlyLineFilters ? [.. lineFilters] : null);
    }

    /// <summary>Whether a stream with these labels is selected (a missing label reads as "").</summary>
    public bool Selects(LabelSet streamLabels)
    {
        for (var i = 0; i < _matchers.Length; i++)
        {
            if (!_matchers[i](streamLabels.Get(_matcherNames[i]) ?? ""))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Runs the stages over one entry of a selected stream. <paramref name="streamLabels"/> are sorted first, as
    /// Loki's canonical stream labels are; structured metadata joins the labels, shadowing stream labels.
    /// </summary>
    public PipelineResult Process(LabelSet streamLabels, LogEntry entry)
    {
        var sorted = new LabelSet(streamLabels.OrderBy(l => l.Name, Utf8Order.Instance));
        var builder = new LabelsBuilder(sorted, entry.StructuredMetadata);
        foreach (var stage in _stages)
        {
            if (!stage(entry.Line, builder, SkipParsers))
            {
                return PipelineResult.Dropped;
            }
        }

        return new PipelineResult(true, builder.Result(), entry.Line);
    }

    /// <summary>
    /// What a log query does with one entry of a selected stream: the label string of the result stream it goes to
    /// (<paramref name="streamText"/> itself when the pipeline adds no label; otherwise the pipeline's labels printed
    /// by <paramref name="format"/> — Loki's answers carry structured metadata and parsed labels in the stream labels
    /// unless categorize-labels is asked for, LOKI.md §6), or null when a stage drops it. A pipeline of line filters
    /// alone over an entry without structured metadata only tests the line.
    /// </summary>
    public string? ResultLabels(string streamText, LabelSet streamLabels, LogEntry entry, Func<LabelSet, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (_lineFilters is { } filters && entry.StructuredMetadata.IsEmpty)
        {
            foreach (var filter in filters)
            {
                if (!filter(entry.Line))
                {
                    return null;
                }
            }

            return streamText;
        }

        var result = Process(streamLabels, entry);
        if (!result.Keep)
        {
            return null;
        }

        return result.Labels.Count == streamLabels.Count && result.Labels.All(l => streamLabels.Get(l.Name) == l.Value)
            ? streamText
            : format(result.Labels);
    }

    private static Stage CompileStage(PipelineStage stage)
    {
        switch (stage)
        {
            case LineFilterStage lf:
                var filters = lf.Filters.Select(LineFilters.Compile).ToArray();
                return (line, _, _) => filters.All(f => f(line));
            case JsonParserStage { Extractions.Count: 0 }:
                return (line, labels, skip) =>
                {
                    if (!skip)
                    {
                        JsonExtractor.Extract(line, labels);
                    }

                    return true;
                };
            case LogfmtParserStage { Strict: false, KeepEmpty: false, Extractions.Count: 0 }:
                return (line, labels, skip) =>
                {
                    if (!skip)
                    {
                        LogfmtExtractor.Extract(line, labels);
                    }

                    return true;
                };
            case LabelFilterStage lbl:
                var filter = LabelFilters.Compile(lbl.Filter);
                return (_, labels, _) => filter(labels);
            case JsonParserStage:
                throw new LogQLNotSupportedException("json with extraction parameters");
            case LogfmtParserStage:
                throw new LogQLNotSupportedException("logfmt with flags or extraction parameters");
            default:
                throw new LogQLNotSupportedException(stage switch
                {
                    LineParserStage p => "| " + p.Parser,
                    LineFormatStage => "| line_format",
                    LabelFormatStage => "| label_format",
                    DecolorizeStage => "| decolorize",
                    DropKeepStage d => d.Keep ? "| keep" : "| drop",
                    _ => stage.GetType().Name,
                });
        }
    }
}
