namespace Verified.Tests.Shared;

/// <summary>
/// A temporary vectors directory holding altered copies of gold vector files, for showing that a vector check fails
/// when an expectation changes. Deleted on dispose. One copy for every test project (linked like SharedVectors).
/// </summary>
internal sealed class AlteredVectors : IDisposable
{
    /// <summary>The temporary directory; pass it as the vectors directory of the check under test.</summary>
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"verified-vectors-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>Writes a copy of <paramref name="file"/> with its first <paramref name="from"/> replaced by <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentException">The file does not contain <paramref name="from"/>.</exception>
    public void Alter(string file, string from, string to)
    {
        var text = File.ReadAllText(SharedVectors.PathOf(file));
        var at = text.IndexOf(from, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"{file} has no {from}", nameof(from));
        }

        var target = Path.Combine(Directory, file);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)));
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
