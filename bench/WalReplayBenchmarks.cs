using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Push;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;

namespace Verified.Bench;

/// <summary>
/// WAL replay: an ingester restarting over a real-directory WAL of about 50 MB (1,000 streams, ~200-byte lines,
/// no checkpoint) replays it before it may join the ring. MB/s = WAL bytes on disk / time to replay.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class WalReplayBenchmarks
{
    private string _root = string.Empty;
    private DirectoryDisk _disk = null!;
    private IObjectStore _store = null!;

    /// <summary>WAL bytes on disk (reported by the setup).</summary>
    public static long WalBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("verified-wal-").FullName;
        _disk = new DirectoryDisk(Path.Combine(_root, "ingester"));
        _store = new FileSystemObjectStore(Path.Combine(_root, "store"));
        var ingester = NewIngester();
        ingester.StartAsync().GetAwaiter().GetResult();
        var ns = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var line = new string('x', 200);
        for (var batch = 0; batch < 250; batch++)
        {
            var streams = Enumerable.Range(0, 40).Select(s => new IngesterStream(
                $"{{app=\"a\", pod=\"pod-{((batch * 40) + s) % 1000}\"}}",
                0,
                [.. Enumerable.Range(0, 25).Select(i => new LogEntry(ns++, line))])).ToImmutableArray();
            ingester.PushAsync(new IngesterPushRequest("bench", streams)).GetAwaiter().GetResult();
        }

        ingester.Crash();
        WalBytes = Directory.EnumerateFiles(Path.Combine(_root, "ingester"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"// WAL bytes on disk: {WalBytes}");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Description = "replay a ~50 MB WAL (250,000 entries, 1,000 streams)")]
    public async Task<int> Replay()
    {
        var ingester = NewIngester();
        await ingester.StartAsync();
        var replayed = ingester.LastReplay;
        ingester.Crash();
        return replayed is null ? 0 : 1;
    }

    private Ingester NewIngester() =>
        new(new IngesterConfig { MaxGlobalStreamsPerUser = 0 }, new IngesterDependencies(_disk, _store, new ChunkIndex(_store), TimeProvider.System, new Random(1)));
}
