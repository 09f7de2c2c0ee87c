namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>Deliberate bugs for negative controls: every property test must catch each of them.</summary>
[Flags]
internal enum EvalFaults
{
    /// <summary>The faithful evaluator.</summary>
    None = 0,

    /// <summary>Window closed at the start and open at the end: <c>[t−range, t)</c> instead of <c>(t−range, t]</c>.</summary>
    WindowClosedOnWrongSide = 1,

    /// <summary>rate and bytes_rate divide by the query step instead of the range.</summary>
    RateDividesByStep = 2,

    /// <summary>offset shifts the window forward instead of back.</summary>
    OffsetSignFlipped = 4,

    /// <summary>bytes counts UTF-16 code units instead of UTF-8 bytes.</summary>
    BytesCountUtf16 = 8,

    /// <summary><c>without</c> keeps the listed labels instead of dropping them.</summary>
    WithoutActsAsBy = 16,

    /// <summary>topk keeps the k lowest samples.</summary>
    TopkKeepsLowest = 32,

    /// <summary>Stream regex matchers are not anchored (substring match).</summary>
    UnanchoredMatchers = 64,
}
