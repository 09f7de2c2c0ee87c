namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>
/// Line filters (loki pkg/logql/log/filter.go): <c>|=</c> substring, <c>|~</c> unanchored RE2 search, their
/// negations, and <c>or</c> chains (any alternative). <c>ip()</c> operands and pattern filters are not implemented.
/// </summary>
internal static class LineFilters
{
    public static Func<string, bool> Compile(LineFilter filter)
    {
        if (filter.Type is LineMatchType.Pattern or LineMatchType.NotPattern)
        {
            throw new LogQLNotSupportedException("pattern line filter (|> / !>)");
        }

        if (filter.Terms.Any(t => t.IsIp))
        {
            throw new LogQLNotSupportedException("ip() line filter");
        }

        var terms = filter.Terms.Select(t => CompileTerm(filter.Type, t.Match)).ToArray();
        var negated = filter.Type is LineMatchType.NotEqual or LineMatchType.NotRegexp;
        return line =>
        {
            var any = false;
            foreach (var term in terms)
            {
                if (term(line))
                {
                    any = true;
                    break;
                }
            }

            return negated ? !any : any;
        };
    }

    private static Func<string, bool> CompileTerm(LineMatchType type, string match)
    {
        if (type is LineMatchType.Equal or LineMatchType.NotEqual)
        {
            return line => line.Contains(match, StringComparison.Ordinal);
        }

        var regex = Matchers.CompileRegex(match, match);
        return regex.IsMatch;
    }
}
