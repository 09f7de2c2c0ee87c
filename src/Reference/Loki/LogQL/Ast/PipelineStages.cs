namespace Verified.Reference.Loki.LogQL;

/// <summary>One stage of a log pipeline.</summary>
public abstract record PipelineStage;

/// <summary>Line filter operator (loki pkg/logql/log LineMatchType): |= != |~ !~ |&gt; !&gt;.</summary>
public enum LineMatchType
{
    /// <summary><c>|=</c> contains.</summary>
    Equal,

    /// <summary><c>!=</c> does not contain.</summary>
    NotEqual,

    /// <summary><c>|~</c> regex matches.</summary>
    Regexp,

    /// <summary><c>!~</c> regex does not match.</summary>
    NotRegexp,

    /// <summary><c>|&gt;</c> pattern matches.</summary>
    Pattern,

    /// <summary><c>!&gt;</c> pattern does not match.</summary>
    NotPattern,
}

/// <summary>One operand of a line filter: a string, or <c>ip("...")</c>.</summary>
/// <param name="Match">The unquoted string or IP pattern.</param>
/// <param name="IsIp">True for <c>ip("...")</c>.</param>
public sealed record LineFilterTerm(string Match, bool IsIp);

/// <summary>
/// One line filter <c>op term (or term)*</c>. Only the positive operators (|= |~ |&gt;) keep an <c>or</c>
/// chain: Loki rewrites <c>!= "a" or "b"</c> into <c>!= "a" != "b"</c> (ast.go newOrLineFilterExpr).
/// </summary>
/// <param name="Type">The operator.</param>
/// <param name="Terms">The alternatives (at least one).</param>
public sealed record LineFilter(LineMatchType Type, ValueList<LineFilterTerm> Terms);

/// <summary>Consecutive line filters, which Loki folds into one stage (all must pass).</summary>
/// <param name="Filters">The filters in source order.</param>
public sealed record LineFilterStage(ValueList<LineFilter> Filters) : PipelineStage;

/// <summary>A <c>name="expression"</c> extraction for <c>| json</c> / <c>| logfmt</c> with parameters.</summary>
/// <param name="Identifier">The label to set.</param>
/// <param name="Expression">The JSON path or logfmt key (equal to the identifier when written bare).</param>
public sealed record LabelExtraction(string Identifier, string Expression);

/// <summary><c>| json</c>, optionally with extraction parameters.</summary>
/// <param name="Extractions">Empty for the bare parser.</param>
public sealed record JsonParserStage(ValueList<LabelExtraction> Extractions) : PipelineStage;

/// <summary><c>| logfmt [--strict] [--keep-empty] [params]</c>.</summary>
/// <param name="Strict">--strict given.</param>
/// <param name="KeepEmpty">--keep-empty given.</param>
/// <param name="Extractions">Empty for the bare parser.</param>
public sealed record LogfmtParserStage(bool Strict, bool KeepEmpty, ValueList<LabelExtraction> Extractions) : PipelineStage;

/// <summary>The other line parsers: <c>| unpack</c>, <c>| regexp "re"</c>, <c>| pattern "p"</c>.</summary>
/// <param name="Parser">"unpack", "regexp" or "pattern".</param>
/// <param name="Param">The unquoted parameter ("" for unpack).</param>
public sealed record LineParserStage(string Parser, string Param) : PipelineStage;

/// <summary><c>| &lt;label filter expression&gt;</c>.</summary>
/// <param name="Filter">The filter.</param>
public sealed record LabelFilterStage(LabelFilter Filter) : PipelineStage;

/// <summary><c>| line_format "template"</c>.</summary>
/// <param name="Template">The unquoted template.</param>
public sealed record LineFormatStage(string Template) : PipelineStage;

/// <summary>One <c>label_format</c> entry: <c>dst=src</c> (rename) or <c>dst="template"</c>.</summary>
/// <param name="Name">Destination label.</param>
/// <param name="Value">Source label (rename) or template.</param>
/// <param name="Rename">True for the identifier form.</param>
public sealed record LabelFormat(string Name, string Value, bool Rename);

/// <summary><c>| label_format a=b,c="{{.d}}"</c>.</summary>
/// <param name="Formats">The entries in order.</param>
public sealed record LabelFormatStage(ValueList<LabelFormat> Formats) : PipelineStage;

/// <summary><c>| decolorize</c>.</summary>
public sealed record DecolorizeStage : PipelineStage;

/// <summary>A <c>drop</c>/<c>keep</c> operand: a bare label name or a matcher.</summary>
/// <param name="Name">The bare name, or null.</param>
/// <param name="Matcher">The matcher, or null.</param>
public sealed record NamedLabelMatcher(string? Name, LabelMatcher? Matcher);

/// <summary><c>| drop a, b="c"</c> or <c>| keep ...</c>.</summary>
/// <param name="Keep">True for keep, false for drop.</param>
/// <param name="Labels">The operands in order.</param>
public sealed record DropKeepStage(bool Keep, ValueList<NamedLabelMatcher> Labels) : PipelineStage;
