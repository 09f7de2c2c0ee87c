using System.Globalization;

namespace Verified.Reference.Loki.Ingester.Wal;

/// <summary>
/// WAL file names under the WAL directory, after Prometheus wlog: segments <c>00000001</c>, <c>00000002</c>, …;
/// checkpoints <c>checkpoint.N</c>, written as <c>checkpoint.N.tmp</c> and renamed. Checkpoint N holds everything
/// written to segments before N, so replay reads checkpoint N and then the segments numbered N or more.
/// </summary>
internal sealed class WalFiles
{
    private const string CheckpointPrefix = "checkpoint.";
    private const string TempSuffix = ".tmp";

    public WalFiles(string directory) => Directory = directory;

    public string Directory { get; }

    public string Prefix => Directory + "/";

    public string Segment(int index) => string.Create(CultureInfo.InvariantCulture, $"{Directory}/{index:D8}");

    public string Checkpoint(int index) => string.Create(CultureInfo.InvariantCulture, $"{Directory}/{CheckpointPrefix}{index:D8}");

    public string CheckpointTemp(int index) => Checkpoint(index) + TempSuffix;

    /// <summary>Sorts a listing into segments, complete checkpoints and leftover temporary checkpoints, each by index.</summary>
    public (List<(int Index, string Path)> Segments, List<(int Index, string Path)> Checkpoints, List<string> Temporary) Classify(IEnumerable<string> paths)
    {
        var segments = new List<(int, string)>();
        var checkpoints = new List<(int, string)>();
        var temporary = new List<string>();
        foreach (var path in paths)
        {
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = path[Prefix.Length..];
            if (name.StartsWith(CheckpointPrefix, StringComparison.Ordinal))
            {
                var rest = name[CheckpointPrefix.Length..];
                if (rest.EndsWith(TempSuffix, StringComparison.Ordinal))
                {
                    temporary.Add(path);
                }
                else if (TryIndex(rest, out var index))
                {
                    checkpoints.Add((index, path));
                }
            }
            else if (TryIndex(name, out var index))
            {
                segments.Add((index, path));
            }
        }

        segments.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        checkpoints.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return (segments, checkpoints, temporary);
    }

    private static bool TryIndex(string text, out int index)
    {
        index = -1;
        return text.Length == 8 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
