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
    private readonly SortedDictionary<long, List<LogEntry>> _byTimestamp = [];

    /// <summary>Uncompressed bytes charged so far (<see cref="EntrySize.Of"/>).</summary>
    public int Size { get; private set; }

    public int Count { get; private set; }

    public long MinTs { get; private set; }

    public long MaxTs { get; private set; }

    // Loki tests emptiness by size; a head of empty lines would then never be cut. Counting entries avoids that.
    public bool IsEmpty => Count == 0;

    /// <summary>Adds <paramref name="entry"/>; true when it was a duplicate and nothing changed.</summary>
    public bool Append(LogEntry entry)
    {
        if (_byTimestamp.TryGetValue(entry.TimestampNs, out var same))
        {
            foreach (var existing in same)
            {
                if (existing.Line == entry.Line)
                {
                    return true;
                }
            }

            same.Add(entry);
        }
        else
        {
            _byTimestamp.Add(entry.TimestampNs, [entry]);
        }

        if (Count == 0 || entry.TimestampNs < MinTs)
        {
            MinTs = entry.TimestampNs;
        }

        if (Count == 0 || entry.TimestampNs > MaxTs)
        {
            MaxTs = entry.TimestampNs;
        }

        Size += EntrySize.Of(entry);
        Count++;
        return false;
    }

    /// <summary>Entries in timestamp order, ties in arrival order (Loki's FORWARD head iteration).</summary>
    public IEnumerable<LogEntry> Entries()
    {
        foreach (var bucket in _byTimestamp.Values)
        {
            foreach (var entry in bucket)
            {
                yield return entry;
            }
        }
    }

    public void Reset()
    {
        _byTimestamp.Clear();
        Size = 0;
        Count = 0;
        MinTs = 0;
        MaxTs = 0;
    }
}
