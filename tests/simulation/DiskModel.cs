using Verified.Reference.Simulation;

namespace Verified.Simulation.Tests;

/// <summary>
/// The obvious model of a disk with durability: names map to files (so a rename carries a file's synced and
/// unsynced bytes along); a file remembers its synced bytes and its current bytes; the durable names are those
/// synced, renamed or left alone since. A crash is checked, not predicted: the model says what is allowed, then
/// adopts what the disk kept.
/// </summary>
public sealed class DiskModel
{
    private Dictionary<string, ModelFile> _visible = new(StringComparer.Ordinal);
    private Dictionary<string, ModelFile> _durable = new(StringComparer.Ordinal);

    /// <summary>Appends, creating the file (not yet durable).</summary>
    public void Append(string name, byte[] data) => Get(name).Current.AddRange(data);

    /// <summary>Replaces the content.</summary>
    public void Write(string name, byte[] data)
    {
        var file = Get(name);
        file.Current.Clear();
        file.Current.AddRange(data);
    }

    /// <summary>Makes the file durable; false when it does not exist.</summary>
    public bool Sync(string name)
    {
        if (!_visible.TryGetValue(name, out var file))
        {
            return false;
        }

        file.Synced = [.. file.Current];
        _durable[name] = file;
        return true;
    }

    /// <summary>Moves the file, durably; false when the source does not exist.</summary>
    public bool Rename(string from, string to)
    {
        if (!_visible.TryGetValue(from, out var file))
        {
            return false;
        }

        _visible.Remove(from);
        _durable.Remove(from);
        _visible[to] = file;
        _durable[to] = file;
        return true;
    }

    /// <summary>Removes the file, durably.</summary>
    public void Delete(string name)
    {
        _visible.Remove(name);
        _durable.Remove(name);
    }

    /// <summary>Whether the disk shows exactly the model's files and bytes.</summary>
    public bool Matches(IDisk disk)
    {
        var names = disk.ListAsync("").GetAwaiter().GetResult();
        return names.SequenceEqual(_visible.Keys.Order(StringComparer.Ordinal))
            && names.All(n => disk.ReadAsync(n).GetAwaiter().GetResult()!.SequenceEqual(_visible[n].Current));
    }

    /// <summary>
    /// After a crash: only durable names survive, each holding its synced bytes then a prefix of the bytes appended
    /// since (none when the file was rewritten, or in lose-unsynced mode). Adopts what the disk kept.
    /// </summary>
    public bool CrashAllows(IDisk disk, DiskCrashMode mode)
    {
        var names = disk.ListAsync("").GetAwaiter().GetResult();
        if (!names.SequenceEqual(_durable.Keys.Order(StringComparer.Ordinal)))
        {
            return false;
        }

        var survived = new Dictionary<string, ModelFile>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var kept = disk.ReadAsync(name).GetAwaiter().GetResult()!;
            var file = _durable[name];
            var synced = file.Synced;
            var appended = file.Current.Count >= synced.Length && file.Current.Take(synced.Length).SequenceEqual(synced)
                ? file.Current.Skip(synced.Length).ToArray()
                : [];
            var tail = kept.Skip(synced.Length).ToArray();
            var allowed = kept.Length >= synced.Length
                && kept.Take(synced.Length).SequenceEqual(synced)
                && tail.Length <= (mode == DiskCrashMode.LoseUnsynced ? 0 : appended.Length)
                && tail.SequenceEqual(appended.Take(tail.Length));
            if (!allowed)
            {
                return false;
            }

            var after = new ModelFile { Synced = kept };
            after.Current.AddRange(kept);
            survived[name] = after;
        }

        _visible = survived;
        _durable = new Dictionary<string, ModelFile>(survived, StringComparer.Ordinal);
        return true;
    }

    private ModelFile Get(string name)
    {
        if (!_visible.TryGetValue(name, out var file))
        {
            file = new ModelFile();
            _visible[name] = file;
        }

        return file;
    }

    private sealed class ModelFile
    {
        public byte[] Synced { get; set; } = [];

        public List<byte> Current { get; } = [];
    }
}
