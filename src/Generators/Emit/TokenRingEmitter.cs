using System.Globalization;
using System.Linq;
using Verified.Generators.Model;

namespace Verified.Generators.Emit;

/// <summary>Emits the token-ring half of a spec class: token, search, quorum formulas, states, operations.</summary>
internal static class TokenRingEmitter
{
    public static void Emit(IndentedWriter w, SpecModel spec, TokenRingModel ring)
    {
        var hasTenant = spec.KeyParts.Contains("tenant");
        var keyCall = string.Join(", ", spec.KeyParts.Select(p => p == "tenant" ? "tenant" : "canonicalLabels"));
        w.Line("/// <summary>The stream token: the spec hash over the key parts " + string.Join(" || ", spec.KeyParts) + ".</summary>");
        w.Line($"public static uint TokenFor(string tenant, string canonicalLabels) => HashKey({keyCall});");
        if (!hasTenant)
        {
            w.Line("// This spec's key has no tenant: the tenant argument is ignored on purpose.");
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("uint global::Verified.Routing.ITokenRingSpec.TokenFor(string tenant, string canonicalLabels) => TokenFor(tenant, canonicalLabels);");
        w.Line();

        var strict = ring.TokenSearch == "strictly-greater-wrap";
        w.Line(strict
            ? "/// <summary>Index of the first token strictly greater than <paramref name=\"key\"/>, wrapping to 0: a key equal to a token belongs to the next one (dskit ring/util.go searchToken).</summary>"
            : "/// <summary>Index of the first token greater than or equal to <paramref name=\"key\"/>, wrapping to 0.</summary>");
        using (w.Block("public static int SearchToken(global::System.ReadOnlySpan<uint> sortedTokens, uint key)"))
        {
            w.Line("var lo = 0;");
            w.Line("var hi = sortedTokens.Length;");
            using (w.Block("while (lo < hi)"))
            {
                w.Line("var mid = (int)((uint)(lo + hi) >> 1);");
                using (w.Block(strict ? "if (sortedTokens[mid] <= key)" : "if (sortedTokens[mid] < key)"))
                {
                    w.Line("lo = mid + 1;");
                }

                using (w.Block("else"))
                {
                    w.Line("hi = mid;");
                }
            }

            w.Line();
            w.Line("return lo == sortedTokens.Length ? 0 : lo;");
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("int global::Verified.Routing.ITokenRingSpec.SearchToken(global::System.ReadOnlySpan<uint> sortedTokens, uint key) => SearchToken(sortedTokens, key);");
        w.Line();
        Formula(w, "MinSuccess", "int rf, int walked", "int replicationFactor, int walked", "replicationFactor, walked", ring.MinSuccess, "Replicas that must succeed for a walk of <paramref name=\"walked\"/> instances.");
        Formula(w, "ReadRequired", "int instances, int rf", "int instances, int replicationFactor", "instances, replicationFactor", ring.ReadRequired, "Healthy instances the whole-ring read set needs.");
        Formula(w, "MaxUnavailableZones", "int zones, int rf", "int zones, int replicationFactor", "zones, replicationFactor", ring.MaxUnavailableZones, "Zones that may fail in a zone-aware read set.");

        w.Line("/// <summary>Ring parameters.</summary>");
        w.Line($"public const int TokensPerInstanceValue = {Literal.Int(ring.TokensPerInstance)};");
        w.Line($"/// <summary>Replication factor.</summary>");
        w.Line($"public const int ReplicationFactorValue = {Literal.Int(ring.ReplicationFactor)};");
        w.Line("/// <inheritdoc />");
        w.Line("public int TokensPerInstance => TokensPerInstanceValue;");
        w.Line("/// <inheritdoc />");
        w.Line("public int ReplicationFactor => ReplicationFactorValue;");
        w.Line("/// <inheritdoc />");
        w.Line($"public bool ZoneAwareness => {Literal.Bool(ring.ZoneAwareness)};");
        w.Line("/// <inheritdoc />");
        w.Line($"public int HeartbeatPeriodSeconds => {Literal.Int(ring.HeartbeatPeriodSeconds)};");
        w.Line("/// <inheritdoc />");
        w.Line($"public int HeartbeatTimeoutSeconds => {Literal.Int(ring.HeartbeatTimeoutSeconds)};");
        w.Line("/// <inheritdoc />");
        w.Line($"public bool HeartbeatBoundInclusive => {Literal.Bool(ring.HeartbeatBound == "inclusive")};");
        w.Line();

        using (w.Block("/// <summary>Instance states (wire values from the spec).</summary>\npublic static class InstanceStates"))
        {
            foreach (var state in ring.States)
            {
                w.Line($"/// <summary>{state.Name} = {state.Value}.</summary>");
                w.Line($"public static readonly global::Verified.Routing.InstanceState {Literal.Pascal(state.Name)} = new({Literal.Int(state.Value)}, {Literal.String(state.Name)});");
            }

            w.Line("/// <summary>Every state, in spec order.</summary>");
            w.Line($"public static readonly global::System.Collections.Immutable.ImmutableArray<global::Verified.Routing.InstanceState> All = global::System.Collections.Immutable.ImmutableArray.Create({string.Join(", ", ring.States.Select(s => Literal.Pascal(s.Name)))});");
        }

        w.Line();
        using (w.Block("/// <summary>Ring operations as dskit bitmasks (low 16 bits healthy, high 16 bits extend).</summary>\npublic static class RingOperations"))
        {
            var values = ring.States.ToDictionary(s => s.Name, s => s.Value);
            foreach (var op in ring.Operations)
            {
                uint mask = 0;
                foreach (var s in op.Healthy)
                {
                    mask |= 1u << values[s];
                }

                foreach (var s in op.Extend)
                {
                    mask |= 0x10000u << values[s];
                }

                var healthy = op.Healthy.Count == 0 ? "none" : string.Join(", ", op.Healthy);
                var extend = op.Extend.Count == 0 ? "none" : string.Join(", ", op.Extend);
                w.Line($"/// <summary>{op.Name}: healthy {healthy}; extends on {extend}.</summary>");
                w.Line($"public static readonly global::Verified.Routing.RingOperation {op.Name} = new({Literal.String(op.Name)}, 0x{mask.ToString("x8", CultureInfo.InvariantCulture)}u);");
            }

            w.Line("/// <summary>Every operation, in spec order.</summary>");
            w.Line($"public static readonly global::System.Collections.Immutable.ImmutableArray<global::Verified.Routing.RingOperation> All = global::System.Collections.Immutable.ImmutableArray.Create({string.Join(", ", ring.Operations.Select(o => o.Name))});");
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public global::System.Collections.Immutable.ImmutableArray<global::Verified.Routing.InstanceState> States => InstanceStates.All;");
        w.Line("/// <inheritdoc />");
        w.Line("public global::System.Collections.Immutable.ImmutableArray<global::Verified.Routing.RingOperation> Operations => RingOperations.All;");
        w.Line("/// <inheritdoc />");
        w.Line($"public global::Verified.Routing.RingOperation DistributorOperation => RingOperations.{ring.DistributorOperation};");
        w.Line();
        w.Line("/// <inheritdoc />");
        using (w.Block("public global::Verified.Routing.InstanceState? FindState(string name)"))
        {
            using (w.Block("foreach (var state in InstanceStates.All)"))
            {
                using (w.Block("if (state.Name == name)"))
                {
                    w.Line("return state;");
                }
            }

            w.Line();
            w.Line("return null;");
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        using (w.Block("public global::Verified.Routing.RingOperation? FindOperation(string name)"))
        {
            using (w.Block("foreach (var op in RingOperations.All)"))
            {
                using (w.Block("if (op.Name == name)"))
                {
                    w.Line("return op;");
                }
            }

            w.Line();
            w.Line("return null;");
        }

        w.Line();
        var canonical = spec.CanonicalLabels;
        w.Line("/// <summary>Canonical label printing rules.</summary>");
        w.Line(canonical is null
            ? "public static readonly global::Verified.Routing.CanonicalLabelOptions Canonical = new(true, true, \", \", true);"
            : $"public static readonly global::Verified.Routing.CanonicalLabelOptions Canonical = new({Literal.Bool(canonical.Sort == "ordinal")}, {Literal.Bool(canonical.DropEmptyValues)}, {Literal.String(canonical.Separator)}, {Literal.Bool(canonical.NameQuoting == "non-legacy-names")});");
        w.Line("/// <inheritdoc />");
        w.Line("public global::Verified.Routing.CanonicalLabelOptions CanonicalLabels => Canonical;");
        w.Line();
        var sn = spec.ServiceName;
        w.Line("/// <summary>service_name discovery on the HTTP push path, if the spec has it.</summary>");
        w.Line(sn is null
            ? "public static readonly global::Verified.Routing.ServiceNameDiscovery? ServiceNameRule = null;"
            : $"public static readonly global::Verified.Routing.ServiceNameDiscovery? ServiceNameRule = new({Literal.String(sn.Label)}, global::System.Collections.Immutable.ImmutableArray.Create<string>({string.Join(", ", sn.From.Select(Literal.String))}), {Literal.String(sn.Default)}, global::System.Collections.Immutable.ImmutableArray.Create<string>({string.Join(", ", sn.SkipIfPresent.Select(Literal.String))}));");
        w.Line("/// <inheritdoc />");
        w.Line("public global::Verified.Routing.ServiceNameDiscovery? ServiceName => ServiceNameRule;");
        w.Line();
        var e = ring.Errors.ToDictionary(x => x.Key, x => x.Value);
        w.Line("/// <summary>Error texts.</summary>");
        w.Line($"public static readonly global::Verified.Routing.RingErrorTexts ErrorTexts = new({Literal.String(e["empty_ring"])}, {Literal.String(e["too_few_live"])}, {Literal.String(e["too_few_live_zones"])}, {Literal.String(e["unhealthy_suffix"])}, {Literal.String(e["too_many_unhealthy"])});");
        w.Line("/// <inheritdoc />");
        w.Line("public global::Verified.Routing.RingErrorTexts Errors => ErrorTexts;");
        w.Line();
        ReadPathEmitter.Emit(w, spec.ReadPath);
    }

    private static void Formula(IndentedWriter w, string name, string parameters, string interfaceParameters, string interfaceArguments, string expression, string summary)
    {
        w.Line($"/// <summary>{summary}</summary>");
        w.Line($"public static int {name}({parameters}) => {expression};");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"int global::Verified.Routing.ITokenRingSpec.{name}({interfaceParameters}) => {name}({interfaceArguments});");
        w.Line();
    }
}
