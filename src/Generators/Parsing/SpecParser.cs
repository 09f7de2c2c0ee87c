using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Verified.Generators.Diagnostics;
using Verified.Generators.Model;
using Verified.Generators.Yaml;

namespace Verified.Generators.Parsing;

/// <summary>Turns a (merged) spec tree into a <see cref="SpecModel"/>; every problem is a diagnostic.</summary>
internal static class SpecParser
{
    public static readonly string[] HashFunctions = { "fnv1-32", "fnv1a-32", "murmur3-x86-32", "xxhash64" };
    public static readonly string[] Encodings = { "utf8", "utf16le" };
    public static readonly string[] KeyPartNames = { "tenant", "labels", "effective_routing" };
    public static readonly string[] PlacementKinds = { "token-ring", "shard-formula" };
    public static readonly string[] TokenSearches = { "strictly-greater-wrap", "greater-or-equal-wrap" };
    public static readonly string[] ShardFormulas = { "legacy", "modulo" };
    public static readonly string[] ModuloKinds = { "floor", "truncating" };
    public static readonly string[] PartitionOffsets = { "hash-space", "shard-space" };
    public static readonly string[] Levels = { "MUST", "SHOULD", "MAY" };
    public static readonly string[] Systems = { "LOKI", "ES" };
    public static readonly string[] RingErrorKeys = { "empty_ring", "too_few_live", "too_few_live_zones", "unhealthy_suffix", "too_many_unhealthy" };
    public static readonly string[] ShardErrorKeys = { "routing_missing", "shards_positive", "routing_shards_factor", "partition_size_range" };

    private static readonly Regex RequirementId = new("^(LOKI|ES)-(PLACE|DUR|READ|VAL|LIFE|REPL|SEARCH)-[1-9][0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex Identifier = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex SpecId = new("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant);

    /// <summary>Builds the model, or returns null when the spec has errors (all of them reported).</summary>
    public static SpecModel? Parse(SpecNode root, string sourcePath, string role, string contentHash, List<DiagnosticInfo> diagnostics)
    {
        var r = new NodeReader(diagnostics);
        var before = diagnostics.Count;
        r.CheckKeys(root, string.Empty, "spec", "version", "system", "title", "class", "namespace", "base", "role", "partition", "placement", "read", "lifecycle", "lifecycles", "requirements");

        var id = r.Scalar(root, "spec", string.Empty);
        if (id is not null && !SpecId.IsMatch(id.Value))
        {
            r.Report(DiagnosticIds.OutOfRange, id.Location, id.Value, "spec", "a spec id is lowercase letters, digits and '-'");
        }

        var version = r.Int(root, "version", string.Empty, 1, int.MaxValue);
        var system = r.OneOf(root, "system", string.Empty, string.Empty, Systems);
        var title = r.String(root, "title", string.Empty, string.Empty);
        var className = r.Scalar(root, "class", string.Empty);
        if (className is not null && !CSharpNames.IsIdentifier(className.Value))
        {
            r.Report(DiagnosticIds.OutOfRange, className.Location, className.Value, "class", "must be a C# identifier that is not a keyword");
        }
        else if (className is not null && CSharpNames.ReservedTypeNames.Contains(className.Value))
        {
            r.Report(DiagnosticIds.OutOfRange, className.Location, className.Value, "class", "the generator emits a type of that name itself");
        }

        var nsNode = r.Scalar(root, "namespace", string.Empty, required: false);
        var ns = nsNode?.Value ?? "Verified.Routing";
        if (nsNode is not null && !CSharpNames.IsNamespace(ns))
        {
            r.Report(DiagnosticIds.OutOfRange, nsNode.Location, ns, "namespace", "must be dotted C# identifiers");
        }

        var baseId = r.Scalar(root, "base", string.Empty, required: false)?.Value;
        var declaredRole = r.OneOf(root, "role", string.Empty, role, "spec", "variant", "mutant");

        var partition = r.Mapping(root, "partition", string.Empty);
        var placement = r.Mapping(root, "placement", string.Empty);
        var keyParts = new List<string>();
        SpecNode? keyNode = null;
        HashModel? hash = null;
        CanonicalLabelsModel? canonical = null;
        ServiceNameModel? serviceName = null;
        if (partition is not null)
        {
            r.CheckKeys(partition, "partition", "key", "canonical_labels", "service_name_discovery", "hash");
            keyNode = partition.Get("key");
            foreach (var part in r.StringList(partition, "key", "partition"))
            {
                if (!KeyPartNames.Contains(part.Value))
                {
                    r.Report(DiagnosticIds.UnknownValue, part.Location, part.Value, "partition.key", string.Join(", ", KeyPartNames));
                }
                else if (keyParts.Contains(part.Value))
                {
                    r.Report(DiagnosticIds.OutOfRange, part.Location, part.Value, "partition.key", "each key part may appear once");
                }
                else
                {
                    keyParts.Add(part.Value);
                }
            }

            hash = ParseHash(r, partition);
            canonical = ParseCanonical(r, partition);
            serviceName = ParseServiceName(r, partition);
        }

        TokenRingModel? ring = null;
        ShardFormulaModel? shards = null;
        List<StateModel>? states = null;
        if (placement is not null)
        {
            var kind = r.OneOf(placement, "kind", "placement", string.Empty, PlacementKinds);
            if (kind == "token-ring")
            {
                ring = ParseRing(r, placement, out states);
            }
            else
            {
                shards = ParseShards(r, placement);
            }
        }

        if (keyNode is not null && (ring is not null || shards is not null))
        {
            CheckKeyParts(r, keyNode, keyParts, ring is not null);
        }

        var readPath = ParseReadPath(r, root, shards is not null);

        var lifecycleNode = r.Mapping(root, "lifecycle", string.Empty);
        var lifecycle = lifecycleNode is null ? null : ParseLifecycle(r, lifecycleNode, states, null, "lifecycle");
        var lifecycles = ParseLifecycles(r, root, lifecycle);
        var requirements = ParseRequirements(r, root, system);

        if (diagnostics.Count > before || id is null || className is null || hash is null || lifecycle is null)
        {
            return null;
        }

        return new SpecModel(
            id.Value, version, system, title, className.Value, ns, sourcePath, declaredRole, baseId, contentHash,
            keyParts.ToEquatableArray(), hash, canonical, serviceName, ring, shards, readPath, lifecycle, lifecycles.ToEquatableArray(), requirements.ToEquatableArray());
    }

    private static void CheckKeyParts(NodeReader r, SpecNode keyNode, List<string> keyParts, bool tokenRing)
    {
        var valid = tokenRing
            ? keyParts.Contains("labels") && keyParts.All(p => p is "tenant" or "labels")
            : keyParts.Count == 1 && keyParts[0] == "effective_routing";
        if (!valid)
        {
            r.Report(
                DiagnosticIds.OutOfRange,
                keyNode.Location,
                "[" + string.Join(", ", keyParts) + "]",
                "partition.key",
                tokenRing ? "a token ring hashes labels, optionally after tenant: [tenant, labels] or [labels]" : "a shard formula hashes [effective_routing]");
        }
    }

    /// <summary>The optional <c>read:</c> section; only a token-ring (Loki) spec has a read path.</summary>
    private static ReadPathModel? ParseReadPath(NodeReader r, SpecNode root, bool shardFormula)
    {
        var node = r.Mapping(root, ReadPathParser.Path, string.Empty, required: false);
        if (node is null)
        {
            return null;
        }

        if (shardFormula)
        {
            var key = root.Entries.First(e => e.Key.Scalar == ReadPathParser.Path).Key;
            r.Report(DiagnosticIds.OutOfRange, key.Location, ReadPathParser.Path, "(top level)", "only a token-ring (Loki) spec has a read path");
            return null;
        }

        return ReadPathParser.Parse(r, node);
    }

    private static HashModel? ParseHash(NodeReader r, SpecNode partition)
    {
        var node = r.Mapping(partition, "hash", "partition");
        if (node is null)
        {
            return null;
        }

        const string path = "partition.hash";
        r.CheckKeys(node, path, "function", "encoding", "seed", "signed", "source");
        var function = r.OneOf(node, "function", path, string.Empty, HashFunctions);
        var encoding = r.OneOf(node, "encoding", path, string.Empty, Encodings);
        var seed = r.ULong(node, "seed", path, 0);
        if (seed > uint.MaxValue && function != "xxhash64")
        {
            r.Report(DiagnosticIds.OutOfRange, node.Get("seed")!.Location, seed.ToString(System.Globalization.CultureInfo.InvariantCulture), path + ".seed", "a 32-bit hash takes a 32-bit seed");
        }

        if (seed != 0 && function is "fnv1-32" or "fnv1a-32")
        {
            r.Report(DiagnosticIds.OutOfRange, node.Get("seed")!.Location, seed.ToString(System.Globalization.CultureInfo.InvariantCulture), path + ".seed", "FNV has no seed; its offset basis is fixed");
        }

        var signed = r.Bool(node, "signed", path, false);
        var source = r.String(node, "source", path, string.Empty, required: false);
        return new HashModel(function, encoding, seed, signed, source);
    }

    private static CanonicalLabelsModel? ParseCanonical(NodeReader r, SpecNode partition)
    {
        var node = r.Mapping(partition, "canonical_labels", "partition", required: false);
        if (node is null)
        {
            return null;
        }

        const string path = "partition.canonical_labels";
        r.CheckKeys(node, path, "form", "sort", "drop_empty_values", "separator", "value_quoting", "name_quoting");
        return new CanonicalLabelsModel(
            r.OneOf(node, "form", path, string.Empty, "prometheus-labels-string"),
            // "none" keeps the selector's order: not Loki, kept in the vocabulary for negative controls.
            r.OneOf(node, "sort", path, string.Empty, "ordinal", "none"),
            r.Bool(node, "drop_empty_values", path),
            r.String(node, "separator", path, ", "),
            r.OneOf(node, "value_quoting", path, string.Empty, "go-strconv-quote"),
            r.OneOf(node, "name_quoting", path, string.Empty, "non-legacy-names", "never"));
    }

    private static ServiceNameModel? ParseServiceName(NodeReader r, SpecNode partition)
    {
        var node = r.Mapping(partition, "service_name_discovery", "partition", required: false);
        if (node is null)
        {
            return null;
        }

        const string path = "partition.service_name_discovery";
        r.CheckKeys(node, path, "label", "from", "default", "skip_if_present");
        return new ServiceNameModel(
            r.String(node, "label", path, "service_name"),
            r.StringList(node, "from", path).Select(x => x.Value).ToEquatableArray(),
            r.String(node, "default", path, "unknown_service"),
            r.StringList(node, "skip_if_present", path, required: false).Select(x => x.Value).ToEquatableArray());
    }

    private static TokenRingModel ParseRing(NodeReader r, SpecNode node, out List<StateModel> states)
    {
        const string path = "placement";
        r.CheckKeys(node, path, "kind", "tokens_per_instance", "replication_factor", "token_search", "zone_awareness", "heartbeat", "states", "operations", "distributor_operation", "quorum", "errors");
        var tokens = r.Int(node, "tokens_per_instance", path, 1, 1 << 20);
        var rf = r.Int(node, "replication_factor", path, 1, 64);
        var search = r.OneOf(node, "token_search", path, string.Empty, TokenSearches);
        var zones = r.Bool(node, "zone_awareness", path);

        int period = 5, timeout = 60;
        var bound = "inclusive";
        var heartbeat = r.Mapping(node, "heartbeat", path);
        if (heartbeat is not null)
        {
            const string hbPath = "placement.heartbeat";
            r.CheckKeys(heartbeat, hbPath, "period_s", "timeout_s", "precision", "bound");
            period = r.Int(heartbeat, "period_s", hbPath, 1, int.MaxValue);
            // dskit rejects a zero timeout ("heartbeat timeout must be greater than 0").
            timeout = r.Int(heartbeat, "timeout_s", hbPath, 1, int.MaxValue);
            r.OneOf(heartbeat, "precision", hbPath, string.Empty, "seconds");
            bound = r.OneOf(heartbeat, "bound", hbPath, string.Empty, "inclusive", "exclusive");
        }

        states = new List<StateModel>();
        var statesNode = r.Sequence(node, "states", path);
        foreach (var item in statesNode?.Items ?? new List<SpecNode>())
        {
            if (item.Kind != SpecNodeKind.Mapping)
            {
                r.Report(DiagnosticIds.WrongNodeType, item.Location, "placement.states[]", "mapping with name and value");
                continue;
            }

            r.CheckKeys(item, "placement.states[]", "name", "value");
            var name = r.Scalar(item, "name", "placement.states[]");
            var value = r.Int(item, "value", "placement.states[]", 0, 15);
            if (name is null)
            {
                continue;
            }

            var member = Emit.Literal.Pascal(name.Value);
            if (!Identifier.IsMatch(name.Value) || !CSharpNames.IsIdentifier(member))
            {
                r.Report(DiagnosticIds.OutOfRange, name.Location, name.Value, "placement.states[].name", "must be an identifier");
            }
            else if (CSharpNames.ReservedMemberNames.Contains(member))
            {
                r.Report(DiagnosticIds.OutOfRange, name.Location, name.Value, "placement.states[].name", $"becomes the member '{member}', which the generated class already has");
            }
            else if (states.Any(s => s.Name == name.Value || s.Value == value || Emit.Literal.Pascal(s.Name) == member))
            {
                r.Report(DiagnosticIds.OutOfRange, name.Location, name.Value, "placement.states", "state names (as C# members) and values must be unique");
            }
            else
            {
                states.Add(new StateModel(name.Value, value));
            }
        }

        var stateNames = states.Select(s => s.Name).ToList();
        var operations = new List<OperationModel>();
        var opsNode = r.Mapping(node, "operations", path);
        foreach (var entry in opsNode?.Entries ?? new List<KeyValuePair<SpecNode, SpecNode>>())
        {
            var opName = entry.Key.Scalar ?? string.Empty;
            var opPath = "placement.operations." + opName;
            if (!CSharpNames.IsIdentifier(opName) || CSharpNames.ReservedMemberNames.Contains(opName))
            {
                r.Report(DiagnosticIds.OutOfRange, entry.Key.Location, opName, "placement.operations", "an operation name must be a C# identifier, not a keyword, All or Instance");
                continue;
            }

            if (entry.Value.Kind != SpecNodeKind.Mapping)
            {
                r.Report(DiagnosticIds.WrongNodeType, entry.Value.Location, opPath, "mapping with healthy and extend");
                continue;
            }

            r.CheckKeys(entry.Value, opPath, "healthy", "extend");
            var healthy = StateRefs(r, r.StringList(entry.Value, "healthy", opPath), stateNames, opPath + ".healthy");
            var extend = StateRefs(r, r.StringList(entry.Value, "extend", opPath), stateNames, opPath + ".extend");
            operations.Add(new OperationModel(opName, healthy.ToEquatableArray(), extend.ToEquatableArray()));
        }

        if (opsNode is not null && opsNode.Entries.Count == 0)
        {
            r.Report(DiagnosticIds.OutOfRange, opsNode.Location, "{}", "placement.operations", "at least one operation is required");
        }

        var distributorOp = r.Scalar(node, "distributor_operation", path);
        if (distributorOp is not null && operations.All(o => o.Name != distributorOp.Value))
        {
            r.Report(DiagnosticIds.UnknownReference, distributorOp.Location, distributorOp.Value, "placement.distributor_operation", string.Join(", ", operations.Select(o => o.Name)));
        }

        string minSuccess = "0", readRequired = "0", maxZones = "0";
        var quorum = r.Mapping(node, "quorum", path);
        if (quorum is not null)
        {
            const string qPath = "placement.quorum";
            r.CheckKeys(quorum, qPath, "min_success", "read_required", "max_unavailable_zones");
            minSuccess = Formula(r, quorum, "min_success", qPath, "rf", "walked");
            readRequired = Formula(r, quorum, "read_required", qPath, "instances", "rf");
            maxZones = Formula(r, quorum, "max_unavailable_zones", qPath, "zones", "rf");
        }

        var errors = ParseErrors(r, node, path, RingErrorKeys);
        return new TokenRingModel(
            tokens, rf, search, zones, period, timeout, bound, states.ToEquatableArray(), operations.ToEquatableArray(),
            distributorOp?.Value ?? string.Empty, minSuccess, readRequired, maxZones, errors.ToEquatableArray());
    }

    private static ShardFormulaModel ParseShards(NodeReader r, SpecNode node)
    {
        const string path = "placement";
        r.CheckKeys(node, path, "kind", "formula", "modulo", "default_routing_shards", "routing_partition", "errors");
        var formula = r.OneOf(node, "formula", path, string.Empty, ShardFormulas);
        var modulo = r.OneOf(node, "modulo", path, "floor", ModuloKinds);
        var routingShards = Formula(r, node, "default_routing_shards", path, "shards");
        int partitionSize = 1;
        var offset = "hash-space";
        var requiresRouting = true;
        var partition = r.Mapping(node, "routing_partition", path, required: false);
        if (partition is not null)
        {
            const string pPath = "placement.routing_partition";
            r.CheckKeys(partition, pPath, "default_size", "offset", "requires_routing");
            partitionSize = r.Int(partition, "default_size", pPath, 1, int.MaxValue, 1);
            offset = r.OneOf(partition, "offset", pPath, "hash-space", PartitionOffsets);
            requiresRouting = r.Bool(partition, "requires_routing", pPath, true);
        }

        var errors = ParseErrors(r, node, path, ShardErrorKeys);
        return new ShardFormulaModel(formula, modulo, routingShards, partitionSize, offset, requiresRouting, errors.ToEquatableArray());
    }

    private static List<KeyValue> ParseErrors(NodeReader r, SpecNode node, string path, string[] keys)
    {
        var result = new List<KeyValue>();
        var errors = r.Mapping(node, "errors", path);
        if (errors is null)
        {
            return result;
        }

        var ePath = path + ".errors";
        r.CheckKeys(errors, ePath, keys);
        foreach (var key in keys)
        {
            var text = r.Scalar(errors, key, ePath);
            if (text is not null)
            {
                result.Add(new KeyValue(key, text.Value));
            }
        }

        return result;
    }

    private static string Formula(NodeReader r, SpecNode node, string key, string path, params string[] variables)
    {
        var text = r.Scalar(node, key, path);
        if (text is null)
        {
            return "0";
        }

        var compiled = FormulaCompiler.Compile(text.Value, variables, out var error);
        if (compiled is null)
        {
            r.Report(DiagnosticIds.InvalidFormula, text.Location, text.Value, NodeReader.Join(path, key), error ?? "invalid");
            return "0";
        }

        return compiled;
    }

    private static List<string> StateRefs(NodeReader r, List<Located<string>> refs, List<string> declared, string path)
    {
        var result = new List<string>();
        foreach (var item in refs)
        {
            if (!declared.Contains(item.Value))
            {
                r.Report(DiagnosticIds.UnknownReference, item.Location, item.Value, path, string.Join(", ", declared));
            }
            else if (!result.Contains(item.Value))
            {
                result.Add(item.Value);
            }
        }

        return result;
    }

    /// <summary>
    /// Further named lifecycles (e.g. Ingester, Chunk): <c>lifecycles: { Name: { initial, transitions, on_restart?, disallowed } }</c>,
    /// each emitted as <c>{Name}Lifecycle</c>. Their states are those their transitions name.
    /// </summary>
    private static List<LifecycleModel> ParseLifecycles(NodeReader r, SpecNode root, LifecycleModel? primary)
    {
        var result = new List<LifecycleModel>();
        var node = r.Mapping(root, "lifecycles", string.Empty, required: false);
        foreach (var entry in node?.Entries ?? new List<KeyValuePair<SpecNode, SpecNode>>())
        {
            var name = entry.Key.Scalar ?? string.Empty;
            var path = "lifecycles." + name;
            if (!CSharpNames.IsIdentifier(name) || !CSharpNames.IsIdentifier(name + "Lifecycle"))
            {
                r.Report(DiagnosticIds.OutOfRange, entry.Key.Location, name, "lifecycles", "a lifecycle name must be a C# identifier");
                continue;
            }

            if (name == primary?.Name || result.Any(l => l.Name == name))
            {
                r.Report(DiagnosticIds.OutOfRange, entry.Key.Location, name, "lifecycles", "lifecycle names must be unique");
                continue;
            }

            if (entry.Value.Kind != SpecNodeKind.Mapping)
            {
                r.Report(DiagnosticIds.WrongNodeType, entry.Value.Location, path, "mapping");
                continue;
            }

            var lifecycle = ParseLifecycle(r, entry.Value, null, new Located<string>(name, entry.Key.Location), path);
            if (lifecycle is not null)
            {
                result.Add(lifecycle);
            }
        }

        return result;
    }

    private static LifecycleModel? ParseLifecycle(NodeReader r, SpecNode node, List<StateModel>? ringStates, Located<string>? givenName, string path)
    {
        if (givenName is null)
        {
            r.CheckKeys(node, path, "name", "initial", "transitions", "on_restart", "disallowed");
        }
        else
        {
            r.CheckKeys(node, path, "initial", "transitions", "on_restart", "disallowed");
        }

        var name = givenName ?? r.Scalar(node, "name", path);
        if (name is not null && !Identifier.IsMatch(name.Value))
        {
            r.Report(DiagnosticIds.OutOfRange, name.Location, name.Value, path + ".name", "must be an identifier");
        }

        var initial = r.Scalar(node, "initial", path);
        var disallowed = r.String(node, "disallowed", path, string.Empty);
        var transitions = new List<TransitionModel>();
        var transitionNodes = r.Sequence(node, "transitions", path);
        var states = ringStates?.Select(s => s.Name).ToList();
        var seen = new List<string>();
        foreach (var item in transitionNodes?.Items ?? new List<SpecNode>())
        {
            if (item.Kind != SpecNodeKind.Mapping)
            {
                r.Report(DiagnosticIds.WrongNodeType, item.Location, path + ".transitions[]", "mapping with from and to");
                continue;
            }

            r.CheckKeys(item, path + ".transitions[]", "from", "to");
            var from = r.Scalar(item, "from", path + ".transitions[]");
            var to = r.Scalar(item, "to", path + ".transitions[]");
            if (from is null || to is null)
            {
                continue;
            }

            foreach (var end in new[] { from, to })
            {
                if (states is not null && !states.Contains(end.Value))
                {
                    r.Report(DiagnosticIds.UnknownReference, end.Location, end.Value, path + ".transitions", string.Join(", ", states));
                }
                else if (!Identifier.IsMatch(end.Value))
                {
                    r.Report(DiagnosticIds.OutOfRange, end.Location, end.Value, path + ".transitions", "a state must be an identifier");
                }
                else if (!seen.Contains(end.Value))
                {
                    seen.Add(end.Value);
                }
            }

            if (from.Value == to.Value)
            {
                r.Report(DiagnosticIds.InvalidLifecycle, item.Location, name?.Value ?? "?", $"transition {from.Value} -> {to.Value} does not change state");
            }
            else if (transitions.Any(t => t.From == from.Value && t.To == to.Value))
            {
                r.Report(DiagnosticIds.InvalidLifecycle, item.Location, name?.Value ?? "?", $"transition {from.Value} -> {to.Value} is listed twice");
            }
            else
            {
                transitions.Add(new TransitionModel(from.Value, to.Value));
            }
        }

        var allStates = states ?? seen;
        if (initial is not null && !allStates.Contains(initial.Value))
        {
            r.Report(DiagnosticIds.UnknownReference, initial.Location, initial.Value, path + ".initial", string.Join(", ", allStates));
        }

        var onRestart = new List<KeyValue>();
        var restart = r.Mapping(node, "on_restart", path, required: false);
        foreach (var entry in restart?.Entries ?? new List<KeyValuePair<SpecNode, SpecNode>>())
        {
            var fromState = entry.Key.Scalar ?? string.Empty;
            var toState = entry.Value.Scalar ?? string.Empty;
            foreach (var (value, location) in new[] { (fromState, entry.Key.Location), (toState, entry.Value.Location) })
            {
                if (!allStates.Contains(value))
                {
                    r.Report(DiagnosticIds.UnknownReference, location, value, path + ".on_restart", string.Join(", ", allStates));
                }
            }

            onRestart.Add(new KeyValue(fromState, toState));
        }

        if (initial is not null && allStates.Contains(initial.Value))
        {
            // Every state must be reachable from the initial one, or the table is a typo.
            var reached = new HashSet<string> { initial.Value };
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var t in transitions)
                {
                    if (reached.Contains(t.From) && reached.Add(t.To))
                    {
                        changed = true;
                    }
                }
            }

            var unreachable = seen.Where(s => !reached.Contains(s)).ToList();
            if (unreachable.Count > 0 && transitionNodes is not null)
            {
                r.Report(DiagnosticIds.InvalidLifecycle, transitionNodes.Location, name?.Value ?? "?", "no transition reaches " + string.Join(", ", unreachable) + " from " + initial.Value);
            }
        }

        if (name is null || initial is null)
        {
            return null;
        }

        return new LifecycleModel(name.Value, initial.Value, allStates.ToEquatableArray(), transitions.ToEquatableArray(), onRestart.ToEquatableArray(), disallowed);
    }

    private static List<RequirementModel> ParseRequirements(NodeReader r, SpecNode root, string system)
    {
        var result = new List<RequirementModel>();
        var node = r.Sequence(root, "requirements", string.Empty, required: false);
        foreach (var item in node?.Items ?? new List<SpecNode>())
        {
            if (item.Kind != SpecNodeKind.Mapping)
            {
                r.Report(DiagnosticIds.WrongNodeType, item.Location, "requirements[]", "mapping with id, level, text and source");
                continue;
            }

            r.CheckKeys(item, "requirements[]", "id", "level", "text", "source");
            var id = r.Scalar(item, "id", "requirements[]");
            var level = r.Scalar(item, "level", "requirements[]");
            var text = r.String(item, "text", "requirements[]", string.Empty);
            var source = r.String(item, "source", "requirements[]", string.Empty);
            if (id is null || level is null)
            {
                continue;
            }

            if (!RequirementId.IsMatch(id.Value))
            {
                r.Report(DiagnosticIds.InvalidRequirement, id.Location, id.Value, "an ID is <SYSTEM>-<AREA>-<n> with SYSTEM in LOKI, ES and AREA in PLACE, DUR, READ, VAL, LIFE, REPL, SEARCH");
            }
            else if (system.Length > 0 && !id.Value.StartsWith(system + "-", System.StringComparison.Ordinal))
            {
                r.Report(DiagnosticIds.InvalidRequirement, id.Location, id.Value, $"a {system} spec may only declare {system}- requirements");
            }
            else if (result.Any(x => x.Id == id.Value))
            {
                r.Report(DiagnosticIds.InvalidRequirement, id.Location, id.Value, "declared twice");
            }

            if (!Levels.Contains(level.Value))
            {
                r.Report(DiagnosticIds.InvalidRequirement, level.Location, id.Value, $"level '{level.Value}' is not MUST, SHOULD or MAY");
            }

            if (text.Trim().Length == 0 || source.Trim().Length == 0)
            {
                r.Report(DiagnosticIds.InvalidRequirement, item.Location, id.Value, "text and source must not be empty");
            }

            result.Add(new RequirementModel(id.Value, level.Value, text, source));
        }

        return result;
    }
}
