using System.Collections.Immutable;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Labels;

namespace Verified.Conformance.Placement;

/// <summary>The stream token (LOKI-PLACE-1..3): a function of the tenant and the canonical label set only.</summary>
public static class TokenProperties
{
    private static readonly string[] NamePool =
        ["app", "job", "env", "__name__", "pod", "service_name", "Zeta", "_x", "a1", "level", "namespace", "filename", "a", "b", "k8s.io/app"];

    private static readonly string[] ValuePieces =
        ["a", "b", "foo", "7", " ", "-", "/", ".", ":", "\"", "\\", "\n", "\t", "é", "Γ", "世", "\u00a0", "🙂"];

    /// <summary>Tenants: the usual ids, "", a non-ASCII one (hashed as UTF-8) and random short ids.</summary>
    public static Gen<string> Tenants { get; } = Gen.Frequency(
        (1, Gen.Elements("fake", "tenant-1", "userID", "", "équipe-世")),
        (2, Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcdefxyz0123456789-_".ToCharArray()), n)).Select(c => new string(c))));

    /// <summary>Label values: about one in five empty (Loki drops those), else text with escapes and non-ASCII.</summary>
    public static Gen<string> LabelValues { get; } = Gen.Frequency(
        (1, Gen.Constant("")),
        (4, Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements(ValuePieces), n)).Select(p => string.Concat(p))));

    /// <summary>Label sets: 0–6 distinct names (legacy and one that must be quoted), in random order.</summary>
    public static Gen<ImmutableArray<Label>> LabelSets { get; } =
        from names in Gen.Shuffle(NamePool).SelectMany(all => Gen.Choose(0, 6).Select(n => all.Take(n).ToArray()))
        from values in Gen.ArrayOf(LabelValues, names.Length)
        select names.Zip(values, (n, v) => new Label(n, v)).ToImmutableArray();

    /// <summary>Whitespace the Prometheus lexer skips between tokens.</summary>
    public static Gen<string> Whitespace { get; } = Gen.Elements("", "", " ", "  ", "\t", "\n", "\r\n ");

    /// <summary>A stream and a rewrite of it: shuffled, with extra empty-valued labels, other whitespace.</summary>
    public static Gen<TokenCase> TokenCases { get; } =
        from tenant in Tenants
        from labels in LabelSets
        from extraNames in Gen.SubListOf(NamePool.Where(n => labels.All(l => l.Name != n)))
        from shuffled in Gen.Shuffle(labels.Concat(extraNames.Take(2).Select(n => new Label(n, ""))))
        from spacesA in Gen.ArrayOf(Whitespace, (4 * labels.Length) + 4)
        from spacesB in Gen.ArrayOf(Whitespace, (4 * shuffled.Length) + 4)
        from trailingComma in Gen.Elements(false, true)
        from emptyAsBlank in Gen.Elements(false, true)
        select new TokenCase(
            tenant,
            labels,
            Selector(labels, spacesA, trailingComma: false, emptyAsBlank: false),
            Selector(shuffled, spacesB, trailingComma, emptyAsBlank));

    /// <summary>
    /// Label order, empty values and whitespace in the selector text do not change the canonical string or the
    /// token (LOKI-PLACE-2, LOKI-PLACE-3).
    /// </summary>
    public static Property IndependentOfLabelOrder(PlacementTarget t) => Prop.ForAll(TokenCases.ToArbitrary(), c =>
    {
        var problems = new List<string>();
        var (tokenA, canonicalA) = LokiStreams.TokenFor(t.Loki, c.Tenant, c.Selector);
        var (tokenB, canonicalB) = LokiStreams.TokenFor(t.Loki, c.Tenant, c.Rewritten);
        problems.Expect("canonical of the rewrite", Show.Text(canonicalA), Show.Text(canonicalB));
        problems.Expect("token of the rewrite", tokenA, tokenB);
        return Law.Holds(problems);
    });

    /// <summary>
    /// The token is FNV-1 32 over UTF-8(tenant) ‖ UTF-8(canonical), and the canonical string is Prometheus'
    /// labels.String() of the sorted non-empty labels — both against the independent model (LOKI-PLACE-1, LOKI-PLACE-2).
    /// </summary>
    public static Property EqualsIndependentFnv1Model(PlacementTarget t) => Prop.ForAll(TokenCases.ToArbitrary(), c =>
    {
        var problems = new List<string>();
        var expectedCanonical = IndependentModel.CanonicalLabels(c.Labels);
        var (token, canonical) = LokiStreams.TokenFor(t.Loki, c.Tenant, c.Selector);
        problems.Expect("canonical", Show.Text(expectedCanonical), Show.Text(canonical));
        problems.Expect("token", IndependentModel.LokiToken(c.Tenant, expectedCanonical), token);
        problems.Expect("TokenFor over the model's canonical string", IndependentModel.LokiToken(c.Tenant, expectedCanonical), t.Loki.TokenFor(c.Tenant, expectedCanonical));
        return Law.Holds(problems);
    });

    /// <summary>
    /// Writes <paramref name="labels"/> as a selector, taking whitespace from <paramref name="spaces"/> between
    /// tokens; names outside the legacy rule are quoted; values are Go string literals.
    /// <paramref name="emptyAsBlank"/>: an empty set is written as "" instead of {}.
    /// </summary>
    public static string Selector(IReadOnlyList<Label> labels, IReadOnlyList<string> spaces, bool trailingComma, bool emptyAsBlank)
    {
        if (labels.Count == 0 && emptyAsBlank)
        {
            return spaces.Count > 0 ? spaces[0] : "";
        }

        var next = 0;
        string Space() => next < spaces.Count ? spaces[next++] : "";
        var builder = new StringBuilder().Append(Space()).Append('{');
        for (var i = 0; i < labels.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var name = IndependentModel.IsLegacyLabelName(labels[i].Name) ? labels[i].Name : Literal(labels[i].Name);
            builder.Append(Space()).Append(name).Append(Space()).Append('=').Append(Space()).Append(Literal(labels[i].Value)).Append(Space());
        }

        if (trailingComma && labels.Count > 0)
        {
            builder.Append(',').Append(Space());
        }

        return builder.Append('}').Append(Space()).ToString();
    }

    private static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
