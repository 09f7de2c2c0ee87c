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
                var after = new Inode { Durable = [.. before.Durable, .. before.Current.Skip(before.Durable.Length).Take(torn)] };
                after.Current.AddRange(after.Durable);
                _durable[path] = after;
                _current[path] = after;
                _used += after.Durable.Length;
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

        var tail = inode.Current.Count - inode.Durable.Length;
        var draw = random.Next(int.MaxValue);
        return tail > 0 && inode.ExtendsDurable() ? draw % (tail + 1) : 0;
    }

    /// <summary>A file: what survives a crash, and what readers see now.</summary>
    private sealed class Inode
    {
        public byte[] Durable { get; set; } = [];

        public List<byte> Current { get; } = [];

        public bool ExtendsDurable()
        {
            if (Current.Count < Durable.Length)
            {
                return false;
            }

            for (var i = 0; i < Durable.Length; i++)
            {
                if (Current[i] != Durable[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
