using System.Text;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Chunks;

/// <summary>
/// The uncompressed size a chunk charges for an entry: the UTF-8 bytes of its line plus those of its structured
/// metadata names and values. Loki charges the line plus <c>metaLabelsLen</c> in <c>SpaceFor</c> and a symbol
/// table besides (loki pkg/chunkenc/memchunk.go); this model has no symbol table, so metadata is charged once,
/// at its plain size. Lines without metadata are charged exactly as Loki charges them.
/// </summary>
internal static class EntrySize
{
    public static int Of(LogEntry entry)
    {
        var size = Encoding.UTF8.GetByteCount(entry.Line);
        foreach (var label in entry.StructuredMetadata)
        {
            size += Encoding.UTF8.GetByteCount(label.Name) + Encoding.UTF8.GetByteCount(label.Value);
        }

        return size;
    }

    /// <summary>The line's UTF-8 length: what Loki's push reports as bytes added.</summary>
    public static int Line(LogEntry entry) => Encoding.UTF8.GetByteCount(entry.Line);
}
