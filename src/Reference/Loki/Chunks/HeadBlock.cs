using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Chunks;

/// <summary>
/// The unordered head block (loki pkg/chunkenc/unordered.go): entries kept sorted by timestamp, entries at the
/// same nanosecond in arrival order. An entry whose timestamp and line equal one already in this head block is
/// dropped as a duplicate — Loki compares the line only, not the structured metadata, so two entries differing
/// only in metadata collapse here. Duplicates in an earlier block or chunk are not seen (a Loki flaw, LOKI.md §4).
/// </summary>
internal sealed class HeadBlock
{
    // Sorted by timestamp, ties in arrival order. Entries mostly come in order, so an append is usually an Add at
    // the end; an out-of-order one is inserted after the last entry at or before its timestamp.
    private readonly List<LogEntry> _entries = [];

    /// <summary>Uncompressed bytes charged so far (<see cref="EntrySize.Of"/>).</summary>
    public int Size { get; private set; }

    public int Count => _entries.Count;

    public long MinTs => Count == 0 ? 0 : _entries[0].TimestampNs;

    public long MaxTs => Count == 0 ? 0 : _entries[^1].TimestampNs;

    // Loki tests emptiness by size; a head of empty lines would then never be cut. Counting entries avoids that.
    public bool IsEmpty => Count == 0;

    /// <summary>Adds <paramref name="entry"/>; true when it was a duplicate and nothing changed.</summary>
    public bool Append(LogEntry entry)
    {
        var ts = entry.TimestampNs;
        var at = Count == 0 || ts > MaxTs ? Count : UpperBound(ts);

        // The entries at the same nanosecond sit just before the insertion point.
        for (var i = at - 1; i >= 0 && _entries[i].TimestampNs == ts; i--)
        {
            if (_entries[i].Line == entry.Line)
            {
                return true;
            }
        }

        _entries.Insert(at, entry);
        Size += EntrySize.Of(entry);
        return false;
    }

    /// <summary>Entries in timestamp order, ties in arrival order (Loki's FORWARD head iteration).</summary>
    public IEnumerable<LogEntry> Entries() => _entries;

    public void Reset()
    {
        _entries.Clear();
        Size = 0;
    }

    /// <summary>The index of the first entry after <paramref name="ts"/>.</summary>
    private int UpperBound(long ts)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_entries[middle].TimestampNs <= ts)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
