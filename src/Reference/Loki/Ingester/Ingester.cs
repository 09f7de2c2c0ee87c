using Verified.Reference.Lifecycle;
using Verified.Reference.Loki.Ingester.Wal;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Simulation;
using Verified.Routing;

namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// Loki's ingester on the classic path (LOKI.md §4–5; loki pkg/ingester): per-tenant streams of chunks, a WAL on
/// the node's <see cref="IDisk"/> with periodic checkpoints, a flush loop writing chunks to an
/// <see cref="Storage.IObjectStore"/> and its <see cref="Storage.ChunkIndex"/>, and the ingester and chunk lifecycles as
/// machines over the spec's tables. Time comes from the injected clock, randomness from the injected Random, and
/// every wait goes through the clock, so a simulation (or Coyote) controls all of it. A crashed ingester is dead;
/// a restart is a new <see cref="Ingester"/> over the same disk, store and index.
/// </summary>
/// <remarks>
/// <para>
/// Durability order of a push: append in memory, then write and sync the WAL record, then answer. (Loki's wlog
/// writes each record through the page cache and fsyncs per segment; the contract here is durability before the
/// ack.) Records are self-contained — every stream part carries its labels — so a torn or corrupt record never
/// orphans a later one, and each segment is read up to its own first bad frame (Prometheus' reader would stop the
/// whole replay there).
/// </para>
/// <para>
/// WAL counters. A record carries, per stream, the stream's entry count after its entries were appended; replay
/// skips a record whose counter is ≤ the stream's count (it is already in the checkpoint). Two places where
/// Loki's counters can go backwards are closed here, because either would drop acknowledged entries on a second
/// crash: Loki resets every counter to 0 after a replay (recovery.go <c>resetCounter</c>) and starts a re-created
/// stream at 0, while older records with higher counters may still be in the segments. This ingester keeps
/// counters across replays, carries the counter of a removed stream over to its next incarnation (and in
/// checkpoints), and after applying a replayed record sets the count to at least the record's counter.
/// </para>
/// <para>
/// Fingerprints: <see cref="LabelHashes.Fingerprint"/>, remapped per tenant on a collision (see
/// <see cref="TenantStreams"/>). Not modelled: the per-stream rate limit (3 MB/s, burst 15 MB), stream sharding,
/// the replay memory ceiling, tailers.
/// </para>
/// </remarks>
public sealed partial class Ingester
{
    private readonly IngesterDependencies _deps;
    private readonly IngesterFaults _faults;
    private readonly SpecStateMachine _lifecycle;
    private readonly WalFiles _walFiles;
    private readonly CanonicalLabelOptions _labelOptions;
    private readonly SemaphoreSlim _memoryGate = new(1, 1);
    private readonly SemaphoreSlim _walGate = new(1, 1);
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private readonly CancellationTokenSource _alive = new();
    private readonly CancellationTokenSource _stopping = new();
    private IngesterMemory _memory = new();
    private WalWriter? _wal;
    private volatile bool _crashed;
    private bool _flushOnShutdown;

    /// <summary>An ingester in NEW; call <see cref="StartAsync"/>.</summary>
    /// <exception cref="ArgumentException">The configuration is out of range, or a lifecycle table lacks a state this code drives.</exception>
    public Ingester(IngesterConfig config, IngesterDependencies dependencies)
        : this(config, dependencies, IngesterFaults.None)
    {
    }

    internal Ingester(IngesterConfig config, IngesterDependencies dependencies, IngesterFaults faults)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(dependencies);
        config.Validate();
        SpecStateMachine.RequireStates(dependencies.IngesterLifecycle, IngesterStates.All);
        SpecStateMachine.RequireStates(dependencies.ChunkLifecycle, ChunkStates.All);
        Config = config;
        _deps = dependencies;
        _faults = faults;
        _lifecycle = new SpecStateMachine(dependencies.IngesterLifecycle);
        _walFiles = new WalFiles(config.WalDirectory);
        _labelOptions = LokiRouting.Instance.CanonicalLabels;
        _flushOnShutdown = config.FlushOnShutdown;
    }

    /// <summary>The settings.</summary>
    public IngesterConfig Config { get; }

    /// <summary>The ingester lifecycle state (<see cref="IngesterStates"/>).</summary>
    public string State => _lifecycle.State;

    /// <summary>True after <see cref="Crash"/>.</summary>
    public bool IsCrashed => _crashed;

    /// <summary>What the start-up replay found, once it ran.</summary>
    public ReplayReport? LastReplay { get; private set; }

    /// <summary>The ingester lifecycle as a Mermaid diagram.</summary>
    public string LifecycleMermaid => _lifecycle.ToMermaid();

    /// <summary>The fingerprint function (tests replace it to force collisions).</summary>
    internal Func<IReadOnlyList<Label>, ulong> Fingerprinter { get; init; } = LabelHashes.Fingerprint;

    /// <summary>
    /// Power loss: everything in memory is gone (streams, chunks, flush queue); work in flight stops touching the
    /// disk; every later call throws <see cref="RemoteCallException"/>. The disk keeps what it keeps (crash it too).
    /// </summary>
    public void Crash()
    {
        _crashed = true;
        _alive.Cancel();
        _memory = new IngesterMemory();
    }

    /// <summary>A stream by tenant and canonical labels (tests).</summary>
    internal LogStream? FindStream(string tenant, string labels) =>
        _memory.Tenants.TryGetValue(tenant, out var streams) ? streams.Find(labels) : null;

    private void ThrowIfCrashed()
    {
        if (_crashed)
        {
            throw new RemoteCallException("the ingester has crashed", CallFailure.Definite);
        }
    }

    private CancellationTokenSource Link(CancellationToken cancellationToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _alive.Token);

    private RemoteCallException Interrupted(string what) => new($"the ingester crashed during {what}", CallFailure.Indefinite);

    private async Task<T> UnderMemoryAsync<T>(Func<IngesterMemory, T> action, CancellationToken cancellationToken)
    {
        await _memoryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return action(_memory);
        }
        finally
        {
            _memoryGate.Release();
        }
    }

    private TenantStreams Tenant(IngesterMemory memory, string tenant)
    {
        if (!memory.Tenants.TryGetValue(tenant, out var streams))
        {
            streams = new TenantStreams(tenant);
            memory.Tenants.Add(tenant, streams);
        }

        return streams;
    }

    /// <summary>
    /// The stream for <paramref name="labels"/> if there is one; otherwise the labels parsed and printed
    /// canonically, for <see cref="CreateStream"/>.
    /// </summary>
    /// <exception cref="LabelParseException">The labels do not parse.</exception>
    private (LogStream? Stream, string Canonical, LabelSet? Parsed) LookupStream(TenantStreams tenant, string labels)
    {
        if (tenant.Find(labels) is { } existing)
        {
            return (existing, labels, null);
        }

        var parsed = CanonicalLabels.Parse(labels, _labelOptions);
        var canonical = CanonicalLabels.Format(parsed, _labelOptions);
        return (tenant.Find(canonical), canonical, parsed);
    }

    /// <summary>A new stream; its fingerprint is <paramref name="fingerprint"/> (from the WAL) or the labels' hash, remapped on a collision.</summary>
    private LogStream CreateStream(TenantStreams tenant, string canonical, LabelSet parsed, uint token, ulong? fingerprint)
    {
        var stream = new LogStream(tenant.Tenant, canonical, parsed, tenant.MapFingerprint(fingerprint ?? Fingerprinter(parsed)), token, Config, _deps.ChunkLifecycle, _faults);
        tenant.Add(stream);
        return stream;
    }

    /// <summary>The stream for <paramref name="labels"/>, created without any limit (replay).</summary>
    private LogStream GetOrCreateStream(TenantStreams tenant, string labels, uint token, ulong? fingerprint)
    {
        var (stream, canonical, parsed) = LookupStream(tenant, labels);
        return stream ?? CreateStream(tenant, canonical, parsed!, token, fingerprint);
    }
}
