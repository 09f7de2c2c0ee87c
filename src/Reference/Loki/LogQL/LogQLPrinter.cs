using System.Text;
using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.LogQL;

/// <summary>
/// Renders an AST as Loki's String() methods do (loki pkg/logql/syntax ast.go, pkg/logql/log label_filter.go,
/// ip.go; Prometheus labels.Matcher.String). Not pretty-printing: <c>{a="b"} |= "x"[5m]</c> has no space
/// before the range, binary operations are fully parenthesised, offsets print as Go durations (<c>5m0s</c>).
/// </summary>
/// <remarks>
/// Known difference: Loki prints a regex label filter whose regex it cannot simplify with back-quotes
/// (LineFilterLabelFilter.String); this printer always uses Go double quotes. Both parse to the same AST.
/// </remarks>
public static class LogQLPrinter
{
    /// <summary>The text of <paramref name="expr"/>.</summary>
    public static string Print(Expr expr)
    {
        var sb = new StringBuilder();
        Write(sb, expr);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Expr expr)
    {
        switch (expr)
        {
            case MatchersExpr m:
                WriteMatchers(sb, m.Matchers);
                break;
            case PipelineExpr p:
                WriteMatchers(sb, p.Left.Matchers);
                foreach (var stage in p.Stages)
                {
                    sb.Append(' ');
                    WriteStage(sb, stage);
                }

                break;
            case RangeAggregationExpr r:
                sb.Append(r.Operation).Append('(');
                if (r.Parameter is { } q)
                {
                    sb.Append(GoFloat.FormatShortestFixed(q)).Append(',');
                }

                WriteRange(sb, r.Left);
                sb.Append(')');
                if (r.Grouping is { } g)
                {
                    WriteGrouping(sb, g);
                }

                break;
            case VectorAggregationExpr v:
                sb.Append(v.Operation);
                if (v.Grouping.Without || v.Grouping.Groups.Count > 0)
                {
                    WriteGrouping(sb, v.Grouping);
                }

                sb.Append('(');
                if (v.Operation is "topk" or "bottomk" or "approx_topk" || v.Parameter != 0)
                {
                    sb.Append(v.Parameter).Append(',');
                }

                Write(sb, v.Left);
                sb.Append(')');
                break;
            case BinOpExpr b:
                sb.Append('(');
                Write(sb, b.Left);
                sb.Append(' ').Append(BinOpText(b)).Append(' ');
                Write(sb, b.Right);
                sb.Append(')');
                break;
            case LiteralExpr l:
                sb.Append(GoFloat.FormatV(l.Value));
                break;
            case VectorExpr v:
                sb.Append("vector(").Append(GoFloat.FormatSixDecimals(v.Value)).Append(')');
                break;
            case LabelReplaceExpr lr:
                sb.Append("label_replace(");
                Write(sb, lr.Left);
                foreach (var arg in new[] { lr.Destination, lr.Replacement, lr.Source, lr.Regex })
                {
                    sb.Append(',');
                    GoQuote.Append(sb, arg);
                }

                sb.Append(')');
                break;
            default:
                throw new ArgumentException($"cannot print {expr.GetType().Name}", nameof(expr));
        }
    }

    // ast.go BinOpExpr.String: "op[ bool][ on|ignoring (labels) group]" — the trailing space is Loki's.
    private static string BinOpText(BinOpExpr b)
    {
        var op = b.Operation;
        var o = b.Options;
        if (o.ReturnBool)
        {
            op += " bool";
        }

        var group = o.Card switch
        {
            VectorMatchCardinality.ManyToOne => "group_left",
            VectorMatchCardinality.OneToMany => "group_right",
            _ => "",
        };
        if (o.Include is { } include)
        {
            group = $"{group} ({string.Join(",", include)})";
        }

        if (o.On || o.MatchingLabels is not null)
        {
            var labels = o.MatchingLabels is { } m ? string.Join(",", m) : "";
            op = $"{op} {(o.On ? "on" : "ignoring")} ({labels}) {group}";
        }

        return op;
    }

    private static void WriteGrouping(StringBuilder sb, Grouping g) =>
        sb.Append(g.Without ? " without (" : " by (").Append(string.Join(",", g.Groups)).Append(')');

    private static void WriteRange(StringBuilder sb, LogRangeExpr r)
    {
        Write(sb, r.Left);
        if (r.Unwrap is { } u)
        {
            sb.Append(" | unwrap ");
            sb.Append(u.Conversion.Length > 0 ? $"{u.Conversion}({u.Identifier})" : u.Identifier);
            foreach (var f in u.PostFilters)
            {
                sb.Append(" | ");
                WriteLabelFilter(sb, f);
            }
        }

        sb.Append('[').Append(GoDuration.FormatProm(r.IntervalNs)).Append(']');
        if (r.OffsetNs != 0)
        {
            sb.Append(" offset ").Append(GoDuration.FormatGo(r.OffsetNs));
        }
    }

    private static void WriteMatchers(StringBuilder sb, ValueList<LabelMatcher> matchers)
    {
        sb.Append('{');
        for (var i = 0; i < matchers.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            WriteMatcher(sb, matchers[i]);
        }

        sb.Append('}');
    }

    /// <summary>Prometheus labels.Matcher.String: the name is quoted unless it is a legacy (ASCII) name.</summary>
    internal static void WriteMatcher(StringBuilder sb, LabelMatcher m)
    {
        WriteName(sb, m.Name);
        sb.Append(MatchOp(m.Type));
        GoQuote.Append(sb, m.Value);
    }

    private static void WriteName(StringBuilder sb, string name)
    {
        var legacy = name.Length > 0 && name.Select((c, i) => c == '_' || char.IsAsciiLetter(c) || (i > 0 && char.IsAsciiDigit(c))).All(ok => ok);
        if (legacy)
        {
            sb.Append(name);
        }
        else
        {
            GoQuote.Append(sb, name);
        }
    }

    private static string MatchOp(LabelMatchType t) => t switch
    {
        LabelMatchType.Equal => "=",
        LabelMatchType.NotEqual => "!=",
        LabelMatchType.Regexp => "=~",
        _ => "!~",
    };

    internal static string LineOp(LineMatchType t) => t switch
    {
        LineMatchType.Equal => "|=",
        LineMatchType.NotEqual => "!=",
        LineMatchType.Regexp => "|~",
        LineMatchType.NotRegexp => "!~",
        LineMatchType.Pattern => "|>",
        _ => "!>",
    };

    private static string FilterOp(LabelFilterOp op) => op switch
    {
        LabelFilterOp.Equal => "==",
        LabelFilterOp.NotEqual => "!=",
        LabelFilterOp.GreaterThan => ">",
        LabelFilterOp.GreaterThanOrEqual => ">=",
        LabelFilterOp.LessThan => "<",
        _ => "<=",
    };

    private static void WriteStage(StringBuilder sb, PipelineStage stage)
    {
        switch (stage)
        {
            case LineFilterStage lf:
                for (var i = 0; i < lf.Filters.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(' ');
                    }

                    var f = lf.Filters[i];
                    sb.Append(LineOp(f.Type)).Append(' ');
                    for (var t = 0; t < f.Terms.Count; t++)
                    {
                        if (t > 0)
                        {
                            sb.Append(" or ");
                        }

                        WriteTerm(sb, f.Terms[t]);
                    }
                }

                break;
            case JsonParserStage j when j.Extractions.Count == 0:
                sb.Append("| json");
                break;
            case JsonParserStage j:
                sb.Append("| json ");
                WriteExtractions(sb, j.Extractions);
                break;
            case LogfmtParserStage l when l.Extractions.Count == 0:
                sb.Append("| logfmt").Append(l.Strict ? " --strict" : "").Append(l.KeepEmpty ? " --keep-empty" : "");
                break;
            case LogfmtParserStage l:
                sb.Append("| logfmt ").Append(l.Strict ? "--strict " : "").Append(l.KeepEmpty ? "--keep-empty " : "");
                WriteExtractions(sb, l.Extractions);
                break;
            case LineParserStage p:
                sb.Append("| ").Append(p.Parser);
                if (p.Param.Length > 0 || p.Parser is "regexp" or "pattern")
                {
                    sb.Append(' ');
                    GoQuote.Append(sb, p.Param);
                }

                break;
            case LabelFilterStage f:
                sb.Append("| ");
                WriteLabelFilter(sb, f.Filter);
                break;
            case LineFormatStage lf:
                sb.Append("| line_format ");
                GoQuote.Append(sb, lf.Template);
                break;
            case LabelFormatStage lf:
                sb.Append("| label_format ");
                for (var i = 0; i < lf.Formats.Count; i++)
                {
                    var f = lf.Formats[i];
                    sb.Append(i > 0 ? "," : "").Append(f.Name).Append('=');
                    if (f.Rename)
                    {
                        sb.Append(f.Value);
                    }
                    else
                    {
                        GoQuote.Append(sb, f.Value);
                    }
                }

                break;
            case DecolorizeStage:
                sb.Append("| decolorize");
                break;
            case DropKeepStage dk:
                sb.Append(dk.Keep ? "| keep " : "| drop ");
                for (var i = 0; i < dk.Labels.Count; i++)
                {
                    if (dk.Labels[i].Matcher is { } m)
                    {
                        WriteMatcher(sb, m);
                    }
                    else
                    {
                        sb.Append(dk.Labels[i].Name);
                    }

                    sb.Append(i + 1 < dk.Labels.Count ? "," : "");
                }

                break;
            default:
                throw new ArgumentException($"cannot print {stage.GetType().Name}", nameof(stage));
        }
    }

    private static void WriteTerm(StringBuilder sb, LineFilterTerm term)
    {
        if (term.IsIp)
        {
            sb.Append("ip(");
            GoQuote.Append(sb, term.Match);
            sb.Append(')');
        }
        else
        {
            GoQuote.Append(sb, term.Match);
        }
    }

    private static void WriteExtractions(StringBuilder sb, ValueList<LabelExtraction> extractions)
    {
        for (var i = 0; i < extractions.Count; i++)
        {
            sb.Append(i > 0 ? "," : "").Append(extractions[i].Identifier).Append('=');
            GoQuote.Append(sb, extractions[i].Expression);
        }
    }

    internal static void WriteLabelFilter(StringBuilder sb, LabelFilter filter)
    {
        switch (filter)
        {
            case StringLabelFilter s:
                WriteMatcher(sb, s.Matcher);
                break;
            case NumericLabelFilter n:
                sb.Append(n.Name).Append(FilterOp(n.Op)).Append(GoFloat.FormatShortestFixed(n.Value));
                break;
            case DurationLabelFilter d:
                sb.Append(d.Name).Append(FilterOp(d.Op)).Append(GoDuration.FormatGo(d.Nanoseconds));
                break;
            case BytesLabelFilter b:
                sb.Append(b.Name).Append(FilterOp(b.Op)).Append(HumanizeBytes.Format(b.Bytes));
                break;
            case IpLabelFilter ip:
                sb.Append(ip.Name).Append(ip.Op == LabelFilterOp.NotEqual ? "!=" : "=").Append("ip(");
                GoQuote.Append(sb, ip.Pattern);
                sb.Append(')');
                break;
            case BinaryLabelFilter bin:
                sb.Append("( ");
                WriteLabelFilter(sb, bin.Left);
                sb.Append(bin.And ? " , " : " or ");
                WriteLabelFilter(sb, bin.Right);
                sb.Append(" )");
                break;
            default:
                throw new ArgumentException($"cannot print {filter.GetType().Name}", nameof(filter));
        }
    }
}
