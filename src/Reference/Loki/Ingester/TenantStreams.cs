using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// One tenant's streams in an ingester (loki pkg/ingester/instance.go <c>instance</c>): keyed by canonical labels,
/// also reachable by fingerprint. Fingerprints are the labels' xxhash64 (<see cref="LabelHashes.Fingerprint"/>);
/// like Loki's <c>FpMapper</c> (pkg/ingester/mapper.go), a fingerprint already taken by other labels in this tenant
/// is remapped to the lowest free value from 1 up — Loki draws from a reserved range the same way, but also
/// remaps raw fingerprints that fall inside that range, which this model does not.
/// Entry counters of removed streams are kept (<see cref="RetiredCounters"/>) so a re-created stream continues
/// its counter: see <see cref="Ingester"/> remarks on WAL counters.
/// </summary>
internal sealed class TenantStreams
{
    private readonly Dictionary<string, LogStream> _byLabels = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, LogStream> _byFingerprint = [];
    private ulong _nextMapped = 1;

    public TenantStreams(string tenant) => Tenant = tenant;

    public string Tenant { get; }

    public int Count => _byLabels.Count;

    public IEnumerable<LogStream> Streams => _byLabels.Values;

    /// <summary>
    /// Entry counters of streams removed from memory, by labels. Kept for the life of the process and carried in
    /// checkpoints, so this grows with the number of distinct streams ever seen (a pruning rule — drop a counter two
    /// checkpoints after its stream left — would bound it; the model does not need one).
    /// </summary>
    public Dictionary<string, long> RetiredCounters { get; } = new(StringComparer.Ordinal);

    public LogStream? Find(string labels) => _byLabels.GetValueOrDefault(labels);

    public LogStream? FindByFingerprint(ulong fingerprint) => _byFingerprint.GetValueOrDefault(fingerprint);

    /// <summary>The fingerprint a new stream with <paramref name="rawFingerprint"/> gets: the raw value, or a remapped one on a collision.</summary>
    public ulong MapFingerprint(ulong rawFingerprint)
    {
        if (!_byFingerprint.ContainsKey(rawFingerprint))
        {
            return rawFingerprint;
        }

        while (_byFingerprint.ContainsKey(_nextMapped))
        {
            _nextMapped++;
        }

        return _nextMapped++;
    }

    public void Add(LogStream stream)
    {
        _byLabels.Add(stream.Labels, stream);
        _byFingerprint.Add(stream.Fingerprint, stream);
        if (RetiredCounters.Remove(stream.Labels, out var counter))
        {
            stream.EntryCount = counter;
        }
    }

    public void Remove(LogStream stream)
    {
        _byLabels.Remove(stream.Labels);
        _byFingerprint.Remove(stream.Fingerprint);
        RetiredCounters[stream.Labels] = stream.EntryCount;
    }
}
