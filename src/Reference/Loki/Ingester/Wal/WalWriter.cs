using Verified.Reference.Loki.Chunks;
using Verified.Reference.Simulation;

namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>
/// Appends framed records to the current segment and syncs them, so a record is durable when
/// <see cref="AppendAsync"/> returns. A segment is rolled when full, at every checkpoint, and after a failed write
/// (so bytes a failed write may have left behind never precede a good record). Callers serialise access.
/// </summary>
internal sealed class WalWriter
{
    private readonly IDisk _disk;
    private readonly WalFiles _files;
    private readonly long _segmentSize;
    private readonly ByteWriter _scratch = new(64 * 1024);
    private long _written;
    private bool _broken;

    public WalWriter(IDisk disk, WalFiles files, long segmentSize, int firstSegment)
    {
        _disk = disk;
        _files = files;
        _segmentSize = segmentSize;
        Segment = firstSegment;
    }

    /// <summary>The segment new records go to (created by its first record).</summary>
    public int Segment { get; private set; }

    /// <summary>Frames, appends and syncs <paramref name="record"/>.</summary>
    /// <exception cref="DiskFullException">ENOSPC: the record was not written.</exception>
    public async Task AppendAsync(WalRecord record, CancellationToken cancellationToken)
    {
        // One scratch buffer for every frame: the disk has taken the bytes by the time the next record comes.
        var frame = WalCodec.Frame(record, _scratch);
        if (_broken || (_written > 0 && _written + frame.Length > _segmentSize))
        {
            Cut();
        }

        var path = _files.Segment(Segment);
        try
        {
            await _disk.AppendAsync(path, frame, cancellationToken).ConfigureAwait(false);
            await _disk.SyncAsync(path, cancellationToken).ConfigureAwait(false);
            _written += frame.Length;
        }
        catch
        {
            _broken = true;
            throw;
        }
    }

    /// <summary>Starts a new segment; returns its index.</summary>
    public int Cut()
    {
        Segment++;
        _written = 0;
        _broken = false;
        return Segment;
    }
}
