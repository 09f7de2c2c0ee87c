using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Push;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;

namespace Verified.Bench;

/// <summary>
/// The whole Loki write path in process: distributor → 3 ingesters (RF 3), each with its WAL on a real directory
/// (synced before every acknowledgement), 100–300-byte lines over 1,000 streams. One operation pushes one request
/// of 1,000 lines (20 streams × 50 lines); MB/s = raw line bytes per request / time per request. The lines are made
/// in the set-up (the client's work); the operation builds the request's entries and pushes them, 100 times per
/// iteration. Between
/// iterations, outside the measurement, every ingester heartbeats, runs a flush pass and checkpoints its WAL:
/// <see cref="Push"/> runs the regular pass (only due chunks leave, streams stay: the steady state), and
/// <see cref="PushAfterFlushAll"/> the forced one (every chunk leaves, so every stream is created again).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class WritePathBenchmarks
{
    private const int Streams = 1000;
    private const int StreamsPerRequest = 20;
    private const int LinesPerStream = 50;

    // An iteration cleanup makes BenchmarkDotNet invoke once per iteration; 100 pushes make that invocation long
    // enough to time (hundreds of ms), and the figures are per push.
    private const int PushesPerIteration = 100;

    // 2,500 pushes are 50 per stream: 250–750 KB of lines each, past the 256 KB block size.
    private const int WarmUpPushes = 2500;

    private readonly List<(string Labels, int LineLength)> _streams = [];
    private readonly List<string[]> _lines = [];
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
            _lines.Add([.. Enumerable.Range(0, LinesPerStream).Select(j => Line(_streams[s].LineLength, j))]);
        }

        var options = BenchData.Unlimited;
        _cluster = new LokiCluster(options, TimeProvider.System, random, new FileSystemObjectStore(Path.Combine(_root, "store")), name => Wal == "directory" ? new DirectoryDisk(Path.Combine(_root, name)) : new InMemoryDisk());
        _cluster.StartAsync().GetAwaiter().GetResult();
        _nextNs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        // Warm up to the steady state before anything is measured: every stream has had its head block cut into a
        // compressed block at least once, and the different line lengths (100–300 bytes) spread the cuts out.
        for (var i = 0; i < WarmUpPushes; i++)
        {
            PushOnce().GetAwaiter().GetResult();
        }

        BetweenIterations(forced: false);
        var average = _streams.Average(s => s.LineLength);
        Console.WriteLine($"// line bytes per request (average over the 1,000 streams): {average * StreamsPerRequest * LinesPerStream:F0}");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [IterationCleanup(Target = nameof(Push))]
    public void FlushDueAndCheckpoint() => BetweenIterations(forced: false);

    [IterationCleanup(Target = nameof(PushAfterFlushAll))]
    public void FlushAllAndCheckpoint() => BetweenIterations(forced: true);

    [Benchmark(Description = "push 1,000 lines (20 streams x 50), WAL synced, RF 3; steady state", OperationsPerInvoke = PushesPerIteration)]
    public Task<int> Push() => PushManyAsync();

    [Benchmark(Description = "the same pushes, each iteration after a forced flush of everything", OperationsPerInvoke = PushesPerIteration)]
    public Task<int> PushAfterFlushAll() => PushManyAsync();

    private async Task<int> PushManyAsync()
    {
        var status = 0;
        for (var i = 0; i < PushesPerIteration; i++)
        {
            status = await PushOnce();
        }

        return status;
    }

    private async Task<int> PushOnce()
    {
        var streams = ImmutableArray.CreateBuilder<PushStream>(StreamsPerRequest);
        for (var i = 0; i < StreamsPerRequest; i++)
        {
            var index = _nextStream++ % Streams;
            var lines = _lines[index];
            var entries = new LogEntry[LinesPerStream];
            for (var j = 0; j < LinesPerStream; j++)
            {
                entries[j] = new LogEntry(_nextNs++, lines[j]);
            }

            streams.Add(new PushStream(_streams[index].Labels, [.. entries]));
        }

        var result = await _cluster.PushAsync(new PushRequest("bench", streams.MoveToImmutable()));
        return result.Response.StatusCode == 204 ? 204 : throw new InvalidOperationException($"push failed: {result.Response.StatusCode} {result.Response.Body}");
    }

    private void BetweenIterations(bool forced)
    {
        // The real clock moves on between iterations: heartbeat so the ring keeps every ingester healthy.
        _cluster.Heartbeat();
        foreach (var name in _cluster.IngesterNames)
        {
            var ingester = _cluster.IngesterOf(name)!;
            _ = (forced ? ingester.FlushAllAsync() : ingester.FlushAsync()).GetAwaiter().GetResult();
            ingester.CheckpointAsync().GetAwaiter().GetResult();
        }
    }

    private static string Line(int length, int seed) =>
        BenchData.Line(length, $"level=info ts=2026-11-25T00:00:00Z caller=handler.go:{seed} msg=\"request served\" path=/api/v1/items ");
}
