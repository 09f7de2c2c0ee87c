namespace Verified.Reference.Simulation;

public sealed partial class InMemoryDisk
{
    /// <summary>
    /// Power loss: every file reverts to its last synced content; in <see cref="DiskCrashMode.TornWrites"/> mode a
    /// random-length prefix (0 to all) of the bytes appended since is kept, drawn from <paramref name="random"/>
    /// in ordinal path order so a seed reproduces the crash. Files never synced vanish.
    /// </summary>
    /// <remarks>
    /// A file rewritten since its last sync (its content no longer starts with the synced bytes) reverts to the
    /// synced bytes whole: the contract promises "last synced content, possibly followed by a prefix of what was
    /// written after", and a rewrite has no such prefix.
    /// </remarks>
    public void Crash(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        lock (_gate)
        {
            _current.Clear();
            _used = 0;
            foreach (var path in _durable.Keys.Order(StringComparer.Ordinal).ToList())
            {
                var before = _durable[path];
                var torn = SurvivingTail(before, random);
                var after = Inode.Synced(before.Durable);
                if (torn > 0)
                {
                    after.Append(before.Current.Slice(before.Durable.Length, torn));
                    after.Sync();
                }

                _durable[path] = after;
                _current[path] = after;
                _used += after.Length;
            }
        }
    }

    /// <summary>How many unsynced bytes survive; one draw per file in torn mode, even when the tail is empty.</summary>
    private int SurvivingTail(Inode inode, Random random)
    {
        if (CrashMode == DiskCrashMode.LoseUnsynced)
        {
            return 0;
        }

        var tail = inode.Length - inode.Durable.Length;
        var draw = random.Next(int.MaxValue);
        return tail > 0 && inode.ExtendsDurable() ? draw % (tail + 1) : 0;
    }

    /// <summary>
    /// A file: what readers see now, and what survives a crash. The durable bytes are a prefix of the current ones
    /// until the file is rewritten (appends and syncs copy nothing); a rewrite first keeps the durable bytes apart.
    /// </summary>
    private sealed class Inode
    {
        private byte[] _bytes = [];
        private byte[]? _durableCopy;
        private int _durableLength;

        /// <summary>Length of the current content.</summary>
        public int Length { get; private set; }

        /// <summary>The current content.</summary>
        public ReadOnlySpan<byte> Current => _bytes.AsSpan(0, Length);

        /// <summary>The content as of the last sync.</summary>
        public ReadOnlySpan<byte> Durable => _durableCopy ?? _bytes.AsSpan(0, _durableLength);

        /// <summary>A file whose content is <paramref name="content"/>, all of it synced.</summary>
        public static Inode Synced(ReadOnlySpan<byte> content)
        {
            var inode = new Inode();
            inode.Append(content);
            inode.Sync();
            return inode;
        }

        public void Append(ReadOnlySpan<byte> data)
        {
            if (_bytes.Length - Length < data.Length)
            {
                var grown = new byte[Math.Max(Length + data.Length, Math.Min(Array.MaxLength, Math.Max(256, _bytes.Length * 2)))];
                Current.CopyTo(grown);
                _bytes = grown;
            }

            data.CopyTo(_bytes.AsSpan(Length));
            Length += data.Length;
        }

        /// <summary>Replaces the current content; the durable content stays as it was.</summary>
        public void Rewrite(ReadOnlySpan<byte> data)
        {
            _durableCopy ??= _bytes.AsSpan(0, _durableLength).ToArray();
            _bytes = data.ToArray();
            Length = data.Length;
        }

        public void Sync()
        {
            _durableCopy = null;
            _durableLength = Length;
        }

        /// <summary>Whether the current content starts with the durable content (only appends since the sync).</summary>
        public bool ExtendsDurable() => Current.StartsWith(Durable);
    }
}
