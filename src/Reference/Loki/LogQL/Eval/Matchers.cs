using System.Text.RegularExpressions;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>Compiles label matchers with Prometheus' semantics (model/labels/matcher.go, regexp.go).</summary>
internal static class Matchers
{
    /// <summary>
    /// A predicate over a label value ("" for a missing label). Regex matchers are fully anchored and dot matches
    /// newline: Prometheus compiles <c>^(?s:re)$</c>; here <c>\A(?s:re)\z</c>, because .NET's <c>$</c> also matches
    /// before a final newline.
    /// </summary>
    public static Func<string, bool> Compile(LabelMatcher matcher, EvalFaults faults = EvalFaults.None)
    {
        switch (matcher.Type)
        {
            case LabelMatchType.Equal:
                return v => v == matcher.Value;
            case LabelMatchType.NotEqual:
                return v => v != matcher.Value;
            default:
                var pattern = (faults & EvalFaults.UnanchoredMatchers) != 0 ? "(?s:" + matcher.Value + ")" : @"\A(?s:" + matcher.Value + @")\z";
                var regex = CompileRegex(pattern, matcher.Value);
                return matcher.Type == LabelMatchType.Regexp ? v => regex.IsMatch(v) : v => !regex.IsMatch(v);
        }
    }

    /// <summary>Compiles an RE2 pattern with <see cref="Re2Compat"/>; a clear error when .NET rejects it.</summary>
    public static Regex CompileRegex(string pattern, string original) =>
        Re2Compat.TryCompile(pattern, out var error) ?? throw new ArgumentException($"invalid regex '{original}': {error}", nameof(pattern));
}
