namespace Verified.Reference.Loki.LogQL;

/// <summary>Comparison of a typed label filter (loki pkg/logql/log LabelFilterType); <c>=</c> prints as <c>==</c>.</summary>
public enum LabelFilterOp
{
    /// <summary><c>==</c> (also written <c>=</c>)</summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,
}

/// <summary>A label filter expression (loki pkg/logql/log label_filter.go).</summary>
public abstract record LabelFilter;

/// <summary><c>name op "string"</c>: a label matcher applied to extracted labels.</summary>
/// <param name="Matcher">The matcher.</param>
public sealed record StringLabelFilter(LabelMatcher Matcher) : LabelFilter;

/// <summary><c>name op number</c>.</summary>
/// <param name="Op">Comparison.</param>
/// <param name="Name">Label.</param>
/// <param name="Value">The number.</param>
public sealed record NumericLabelFilter(LabelFilterOp Op, string Name, double Value) : LabelFilter;

/// <summary><c>name op duration</c>, e.g. <c>latency &gt;= 250ms</c>.</summary>
/// <param name="Op">Comparison.</param>
/// <param name="Name">Label.</param>
/// <param name="Nanoseconds">The duration.</param>
public sealed record DurationLabelFilter(LabelFilterOp Op, string Name, long Nanoseconds) : LabelFilter;

/// <summary><c>name op bytes</c>, e.g. <c>size &gt; 2.5KiB</c>.</summary>
/// <param name="Op">Comparison.</param>
/// <param name="Name">Label.</param>
/// <param name="Bytes">The size in bytes.</param>
public sealed record BytesLabelFilter(LabelFilterOp Op, string Name, ulong Bytes) : LabelFilter;

/// <summary><c>name = ip("pattern")</c> or <c>!=</c>.</summary>
/// <param name="Op">Equal or NotEqual only.</param>
/// <param name="Name">Label.</param>
/// <param name="Pattern">The IP, range or CIDR.</param>
public sealed record IpLabelFilter(LabelFilterOp Op, string Name, string Pattern) : LabelFilter;

/// <summary><c>left and right</c> (also <c>,</c> or juxtaposition) or <c>left or right</c>.</summary>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
/// <param name="And">True for and, false for or.</param>
public sealed record BinaryLabelFilter(LabelFilter Left, LabelFilter Right, bool And) : LabelFilter;
