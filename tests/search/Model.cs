using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Verified.Search.Tests;

/// <summary>A generated document: every field optional; rendered to JSON, evaluated by the model without parsing it.</summary>
public sealed record Doc(string Id, string? Tag, string? Body, long? N, long[]? Nums, float? Price, bool? Flag, string? MetaK)
{
    public string Json()
    {
        var fields = new List<string>();
        if (Tag is not null) fields.Add($"\"tag\":{JsonSerializer.Serialize(Tag)}");
        if (Body is not null) fields.Add($"\"body\":{JsonSerializer.Serialize(Body)}");
        if (N is not null) fields.Add($"\"n\":{N.Value.ToString(CultureInfo.InvariantCulture)}");
        if (Nums is not null) fields.Add($"\"nums\":[{string.Join(",", Nums.Select(v => v.ToString(CultureInfo.InvariantCulture)))}]");
        if (Price is not null) fields.Add($"\"price\":{Price.Value.ToString("0.00", CultureInfo.InvariantCulture)}");
        if (Flag is not null) fields.Add($"\"flag\":{(Flag.Value ? "true" : "false")}");
        if (MetaK is not null) fields.Add($"\"meta\":{{\"k\":{JsonSerializer.Serialize(MetaK)}}}");
        return "{" + string.Join(",", fields) + "}";
    }

    public override string ToString() => $"{Id}:{Json()}";
}

/// <summary>A generated query: rendered to DSL JSON; evaluated directly by <see cref="Model"/>.</summary>
public abstract record Q
{
    public abstract string Json();
}

public sealed record QMatchAll : Q
{
    public override string Json() => "{\"match_all\":{}}";
}

public sealed record QMatch(string Field, string Text, bool And) : Q
{
    public override string Json() => And
        ? $"{{\"match\":{{\"{Field}\":{{\"query\":{JsonSerializer.Serialize(Text)},\"operator\":\"and\"}}}}}}"
        : $"{{\"match\":{{\"{Field}\":{JsonSerializer.Serialize(Text)}}}}}";
}

public sealed record QTerm(string Field, string Value, bool Quoted) : Q
{
    public override string Json() => $"{{\"term\":{{\"{Field}\":{(Quoted ? JsonSerializer.Serialize(Value) : Value)}}}}}";
}

public sealed record QRange(string Field, string Op1, string V1, string? Op2, string? V2, bool Quoted) : Q
{
    public override string Json()
    {
        string V(string v) => Quoted ? JsonSerializer.Serialize(v) : v;
        var second = Op2 is null ? string.Empty : $",\"{Op2}\":{V(V2!)}";
        return $"{{\"range\":{{\"{Field}\":{{\"{Op1}\":{V(V1)}{second}}}}}}}";
    }
}

public sealed record QIds(string[] Values) : Q
{
    public override string Json() => $"{{\"ids\":{{\"values\":[{string.Join(",", Values.Select(v => JsonSerializer.Serialize(v)))}]}}}}";
}

public sealed record QBool(Q[] Must, Q[] Filter, Q[] Should, Q[] MustNot, int? Msm) : Q
{
    public override string Json()
    {
        var parts = new List<string>();
        void Add(string name, Q[] clauses)
        {
            if (clauses.Length > 0) parts.Add($"\"{name}\":[{string.Join(",", clauses.Select(c => c.Json()))}]");
        }

        Add("must", Must);
        Add("filter", Filter);
        Add("should", Should);
        Add("must_not", MustNot);
        if (Msm is not null) parts.Add($"\"minimum_should_match\":{Msm}");
        return $"{{\"bool\":{{{string.Join(",", parts)}}}}}";
    }
}

/// <summary>
/// The obviously-correct model: evaluates a <see cref="Q"/> on a <see cref="Doc"/> from the ES documentation's
/// rules, with its own tokenizer (a regex), never touching the implementation's index.
/// </summary>
public static partial class Model
{
    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    public static string[] Tokens(string s) => NonWord().Split(s.ToLowerInvariant()).Where(t => t.Length > 0).ToArray();

    public static bool Matches(Q q, Doc d) => q switch
    {
        QMatchAll => true,
        QIds ids => ids.Values.Contains(d.Id),
        QMatch m => MatchText(m, d),
        QTerm t => Term(t, d),
        QRange r => Range(r, d),
        QBool b => Bool(b, d),
        _ => throw new InvalidOperationException(),
    };

    private static bool Bool(QBool b, Doc d)
    {
        if (b.Must.Length + b.Filter.Length + b.Should.Length + b.MustNot.Length == 0) return true;
        if (!b.Must.All(c => Matches(c, d)) || !b.Filter.All(c => Matches(c, d))) return false;
        if (b.MustNot.Any(c => Matches(c, d))) return false;
        var hasRequired = b.Must.Length + b.Filter.Length > 0;
        var msm = b.Msm is { } m ? Math.Clamp(m < 0 ? b.Should.Length + m : m, 0, b.Should.Length) : (!hasRequired && b.Should.Length > 0 ? 1 : 0);
        if (!hasRequired && b.Should.Length > 0) msm = Math.Max(msm, 1);
        return b.Should.Count(c => Matches(c, d)) >= msm;
    }

    private static string? Text(string field, Doc d) => field switch
    {
        "tag" or "tag.keyword" => d.Tag,
        "body" or "body.keyword" => d.Body,
        "meta.k" or "meta.k.keyword" => d.MetaK,
        _ => null,
    };

    private static bool MatchText(QMatch m, Doc d)
    {
        var value = Text(m.Field, d);
        if (value is null) return false;
        if (m.Field.EndsWith(".keyword", StringComparison.Ordinal)) return value == m.Text;
        var query = Tokens(m.Text);
        var doc = Tokens(value).ToHashSet();
        return query.Length > 0 && (m.And ? query.All(doc.Contains) : query.Any(doc.Contains));
    }

    private static double[] Numbers(string field, Doc d) => field switch
    {
        "n" => d.N is { } n ? [n] : [],
        "nums" => d.Nums?.Select(v => (double)v).ToArray() ?? [],
        "price" => d.Price is { } p ? [(float)Math.Round(p, 2)] : [],
        _ => [],
    };

    private static bool Term(QTerm t, Doc d) => t.Field switch
    {
        "flag" => d.Flag is { } f && (f ? "true" : "false") == t.Value,
        "n" or "nums" or "price" => Numbers(t.Field, d).Any(v => v == double.Parse(t.Value, CultureInfo.InvariantCulture)),
        _ => Text(t.Field, d) is { } s && (t.Field.EndsWith(".keyword", StringComparison.Ordinal) ? s == t.Value : Tokens(s).Contains(t.Value)),
    };

    private static bool Range(QRange r, Doc d)
    {
        if (r.Field.EndsWith(".keyword", StringComparison.Ordinal))
        {
            return Text(r.Field, d) is { } s && Within(string.CompareOrdinal(s, r.V1), r.Op1) && (r.Op2 is null || Within(string.CompareOrdinal(s, r.V2), r.Op2));
        }

        var b1 = double.Parse(r.V1, CultureInfo.InvariantCulture);
        var b2 = r.V2 is null ? 0 : double.Parse(r.V2, CultureInfo.InvariantCulture);
        return Numbers(r.Field, d).Any(v => Within(v.CompareTo(b1), r.Op1) && (r.Op2 is null || Within(v.CompareTo(b2), r.Op2)));
    }

    private static bool Within(int comparison, string op) => op switch
    {
        "gt" => comparison > 0,
        "gte" => comparison >= 0,
        "lt" => comparison < 0,
        _ => comparison <= 0,
    };

    /// <summary>Sort key of a doc for a field sort, missing last: (missing?, value) with direction applied by the caller.</summary>
    public static (bool Missing, double Number, string? Text) SortKey(string field, bool descending, Doc d)
    {
        if (field == "tag.keyword")
        {
            return d.Tag is null ? (true, 0, null) : (false, 0, d.Tag);
        }

        var values = Numbers(field, d);
        return values.Length == 0 ? (true, 0, null) : (false, descending ? values.Max() : values.Min(), null);
    }
}
