namespace Verified.Generators.Model;

/// <summary>One resolved spec (a base spec, or a variant merged over its base): everything the emitter needs.</summary>
internal sealed record SpecModel(
    string Id,
    int Version,
    string System,
    string Title,
    string ClassName,
    string Namespace,
    string SourcePath,
    string Role,
    string? BaseId,
    string ContentHash,
    EquatableArray<string> KeyParts,
    HashModel Hash,
    CanonicalLabelsModel? CanonicalLabels,
    ServiceNameModel? ServiceName,
    TokenRingModel? Ring,
    ShardFormulaModel? Shards,
    ReadPathModel? ReadPath,
    LifecycleModel Lifecycle,
    EquatableArray<LifecycleModel> Lifecycles,
    EquatableArray<RequirementModel> Requirements);

/// <summary>The partition hash: function, byte encoding of the key, seed and sign.</summary>
internal sealed record HashModel(string Function, string Encoding, ulong Seed, bool Signed, string Source);

/// <summary>How a label set is printed before hashing (Prometheus labels.String() in Loki).</summary>
internal sealed record CanonicalLabelsModel(string Form, string Sort, bool DropEmptyValues, string Separator, string ValueQuoting, string NameQuoting);

/// <summary>Loki's HTTP-path service_name discovery.</summary>
internal sealed record ServiceNameModel(string Label, EquatableArray<string> From, string Default, EquatableArray<string> SkipIfPresent);

/// <summary>A dskit-style token ring.</summary>
internal sealed record TokenRingModel(
    int TokensPerInstance,
    int ReplicationFactor,
    string TokenSearch,
    bool ZoneAwareness,
    int HeartbeatPeriodSeconds,
    int HeartbeatTimeoutSeconds,
    string HeartbeatBound,
    EquatableArray<StateModel> States,
    EquatableArray<OperationModel> Operations,
    string DistributorOperation,
    string MinSuccess,
    string ReadRequired,
    string MaxUnavailableZones,
    EquatableArray<KeyValue> Errors);

/// <summary>An instance state with its wire value (dskit ring.proto).</summary>
internal sealed record StateModel(string Name, int Value);

/// <summary>A ring operation: which states are healthy for it and which extend the walk.</summary>
internal sealed record OperationModel(string Name, EquatableArray<string> Healthy, EquatableArray<string> Extend);

/// <summary>An Elasticsearch-style shard formula.</summary>
internal sealed record ShardFormulaModel(
    string Formula,
    string Modulo,
    string DefaultRoutingShards,
    int DefaultPartitionSize,
    string PartitionOffset,
    bool PartitionRequiresRouting,
    EquatableArray<KeyValue> Errors);

/// <summary>A lifecycle state machine: states, the initial one, the allowed transitions.</summary>
internal sealed record LifecycleModel(
    string Name,
    string Initial,
    EquatableArray<string> States,
    EquatableArray<TransitionModel> Transitions,
    EquatableArray<KeyValue> OnRestart,
    string Disallowed);

/// <summary>One allowed transition.</summary>
internal sealed record TransitionModel(string From, string To);

/// <summary>A numbered requirement.</summary>
internal sealed record RequirementModel(string Id, string Level, string Text, string Source);

/// <summary>An ordered key/value pair (error templates, restart rules).</summary>
internal sealed record KeyValue(string Key, string Value);
