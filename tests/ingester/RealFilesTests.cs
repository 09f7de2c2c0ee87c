using Shouldly;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>The same ingester on a real directory and the filesystem object store (the embedded default).</summary>
public sealed class RealFilesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("verified-ingester-");

    [Fact]
    [Trait("Requirement", "LOKI-DUR-9")]
    public async Task WalOnADirectory_ReplaysInANewProcess_AndFlushedChunksAreFoundThroughTheIndex()
    {
        var clock = new SimulatedClock();
        var config = IngesterConfig.Default;
        async Task<Reference.Loki.Ingester.Ingester> StartAsync()
        {
            var store = new FileSystemObjectStore(Path.Combine(_root.FullName, "store"));
            var deps = new IngesterDependencies(new DirectoryDisk(Path.Combine(_root.FullName, "node")), store, await ChunkIndex.OpenAsync(store), clock, new Random(3));
            var ingester = new Reference.Loki.Ingester.Ingester(config, deps);
            await ingester.StartAsync();
            return ingester;
        }

        var first = await StartAsync();
        (await first.PushAsync(IngesterHarness.Request("{app=\"a\"}", (IngesterHarness.BaseNs, "one"), (IngesterHarness.BaseNs + 1, "two")))).IsSuccess.ShouldBeTrue();
        await first.CheckpointAsync();
        (await first.PushAsync(IngesterHarness.Request("{app=\"a\"}", (IngesterHarness.BaseNs + 2, "three")))).IsSuccess.ShouldBeTrue();
        first.Crash();

        var second = await StartAsync();
        (await second.QueryAsync(IngesterHarness.Tenant, long.MinValue, long.MaxValue, _ => true)).Single().Entries.Select(e => e.Line).ShouldBe(["one", "two", "three"]);
        var key = (await second.FlushAllAsync()).Flushed.Single().Key;

        var reopened = new FileSystemObjectStore(Path.Combine(_root.FullName, "store"));
        (await (await ChunkIndex.OpenAsync(reopened)).QueryAsync(IngesterHarness.Tenant, long.MinValue, long.MaxValue)).Single().ChunkKey.ShouldBe(key.Format());
        var decoded = Reference.Loki.Chunks.StoredChunk.Decode(key, (await reopened.GetAsync(key.Format()))!);
        decoded.Entries.Select(e => e.Line).ShouldBe(["one", "two", "three"]);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
