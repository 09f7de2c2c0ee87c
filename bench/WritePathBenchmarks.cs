using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Push;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;

namespace Verified.Bench;

/// <summary>
/// The whole Loki write path in process: distributor → 3 ingesters (RF 3), each with its WAL on a real directory
/// (synced before every acknowledgement), 100–300-byte lines over 1,000 streams. One operation pushes one request
/// of 1,000 lines (20 streams × 50 lines); MB/s = raw line bytes per request / time per request. Chunks are flushed
/// to a file-system object store and the WAL checkpointed between iterations, outside the measurement.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class WritePathBenchmarks
{
    private const int Streams = 1000;
    private const int StreamsPerRequest = 20;
    private const int LinesPerStream = 50;

    private readonly List<(string Labels, int LineLength)> _streams = [];
    private string _root = string.Empty;
    private LokiCluster _cluster = null!;
    private long _nextNs;
    private int _nextStream;

    /// <summary>Where the WAL lives: a real directory (fsync before every ack) or memory (CPU cost only).</summary>
    [Params("directory", "memory")]
    public string Wal { get; set; } = "directory";

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("verified-bench-").FullName;
        var random = new Random(42);
        for (var s = 0; s < Streams; s++)
        {
            _streams.Add(($"{{app=\"app-{s % 37}\", pod=\"pod-{s}\", namespace=\"ns-{s % 5}\"}}", 100 + random.Next(201)));
        }

        var options = new LokiClusterOptions
        {
            // Rate limits off: this measures the path, not the limiter.
            Limits = DistributorLimits.Default with { IngestionRateMB = 1_000_000, IngestionBurstSizeMB = 1_000_000 },
            IngesterConfig = new IngesterConfig { MaxGlobalStreamsPerUser = 0 },
        };
        _cluster = new LokiCluster(options, TimeProvider.System, random, new FileSystemObjectStore(Path.Combine(_root, "store")), name => Wal == "directory" ? new DirectoryDisk(Path.Combine(_root, name)) : new InMemoryDisk());
        _cluster.StartAsync().GetAwaiter().GetResult();
        _nextNs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var average = _streams.Average(s => s.LineLength);
        Console.WriteLine($"// line bytes per request (average over the 1,000 streams): {average * StreamsPerRequest * LinesPerStream:F0}");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [IterationCleanup]
    public void FlushAndCheckpoint()
    {
        _cluster.FlushAllAsync().GetAwaiter().GetResult();
        foreach (var name in _cluster.IngesterNames)
        {
            _cluster.IngesterOf(name)!.CheckpointAsync().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Description = "push 1,000 lines (20 streams x 50), WAL synced, RF 3")]
    public async Task<int> Push()
    {
        var streams = ImmutableArray.CreateBuilder<PushStream>(StreamsPerRequest);
        for (var i = 0; i < StreamsPerRequest; i++)
        {
            var (labels, length) = _streams[_nextStream++ % Streams];
            var entries = new LogEntry[LinesPerStream];
            for (var j = 0; j < LinesPerStream; j++)
            {
                entries[j] = new LogEntry(_nextNs++, Line(length, j));
            }

            streams.Add(new PushStream(labels, [.. entries]));
        }

        var result = await _cluster.PushAsync(new PushRequest("bench", streams.MoveToImmutable()));
        return result.Response.StatusCode == 204 ? 204 : throw new InvalidOperationException($"push failed: {result.Response.StatusCode} {result.Response.Body}");
    }

    private static string Line(int length, int seed)
    {
        var builder = new StringBuilder(length);
        builder.Append("level=info ts=2026-11-25T00:00:00Z caller=handler.go:").Append(seed).Append(" msg=\"request served\" path=/api/v1/items ");
        while (builder.Length < length)
        {
            builder.Append((char)('a' + (builder.Length % 26)));
        }

        return builder.ToString(0, length);
    }
}
