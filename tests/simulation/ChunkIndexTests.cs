using Shouldly;
using Verified.Reference.Loki.Chunks;
using Verified.Reference.Storage;
using Xunit;

namespace Verified.Simulation.Tests;

/// <summary>ChunkIndex: entries live in the store, survive a fresh process, and identical replica chunks count once.</summary>
public sealed class ChunkIndexTests : IDisposable
{
    private const string Tenant = "fake";
    private const string App = "{app=\"foo\"}";
    private const string Db = "{app=\"db\"}";
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Entries_SurviveAFreshProcess_InMemoryStore()
    {
        var store = new InMemoryObjectStore();
        var first = new ChunkIndex(store);
        var key = await FlushAsync(store, first, App, 2, 1000, 2000, 0xabc);
        var fresh = await ChunkIndex.OpenAsync(store);
        (await fresh.QueryAsync(Tenant, 0, 5000)).ShouldBe([new ChunkIndexEntry(Tenant, App, 2, 1000, 2000, key)]);
    }

    [Fact]
    public async Task Entries_SurviveAFreshProcess_FileSystemStore()
    {
        var root = _temp.NewRoot("store");
        var first = new FileSystemObjectStore(root);
        var index = new ChunkIndex(first);
        var a = await FlushAsync(first, index, App, 2, 1000, 2000, 1);
        var b = await FlushAsync(first, index, Db, 3, 1500, 3000, 2);

        var reopened = new FileSystemObjectStore(root);
        var fresh = await ChunkIndex.OpenAsync(reopened);
        (await fresh.QueryAsync(Tenant, 0, 5000)).Select(e => e.ChunkKey).ShouldBe([a, b]);
        (await reopened.ListAsync(ChunkIndex.Prefix)).ShouldBe([ChunkIndex.IndexKey(a), ChunkIndex.IndexKey(b)]);
    }

    [Fact]
    public async Task IdenticalReplicaChunks_AreIndexedOnce()
    {
        var store = new InMemoryObjectStore();
        var replica1 = new ChunkIndex(store);
        var replica2 = new ChunkIndex(store);
        var key = await FlushAsync(store, replica1, App, 2, 1000, 2000, 7);
        (await replica1.AddAsync(Tenant, App, 2, 1000, 2000, key)).ShouldBeFalse();
        await store.PutAsync(key, new byte[] { 1 }); // replica 2 writes the identical chunk object again
        await replica2.AddAsync(Tenant, App, 2, 1000, 2000, key);
        (await store.ListAsync(ChunkIndex.Prefix)).Count.ShouldBe(1);
        (await (await ChunkIndex.OpenAsync(store)).QueryAsync(Tenant, 0, 5000)).Count.ShouldBe(1);
        replica1.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SecondAddOfAKnownKey_WritesNothing()
    {
        var store = new InMemoryObjectStore();
        var index = new ChunkIndex(store);
        var key = await FlushAsync(store, index, App, 2, 1000, 2000, 7);
        var puts = store.Puts;
        (await index.AddAsync(Tenant, App, 2, 1000, 2000, key)).ShouldBeFalse();
        store.Puts.ShouldBe(puts);
    }

    [Theory]
    [InlineData(0, 999, false)]
    [InlineData(0, 1000, true)]
    [InlineData(2000, 3000, true)]
    [InlineData(2001, 3000, false)]
    [InlineData(1200, 1300, true)]
    public async Task Query_MatchesOverlapInclusiveAtBothEnds(long from, long through, bool found)
    {
        var store = new InMemoryObjectStore();
        var index = new ChunkIndex(store);
        await FlushAsync(store, index, App, 2, 1000, 2000, 7);
        (await index.QueryAsync(Tenant, from, through)).Count.ShouldBe(found ? 1 : 0);
    }

    [Fact]
    public async Task Query_FiltersByTenantAndMatcher_AndSortsByTime()
    {
        var store = new InMemoryObjectStore();
        var index = new ChunkIndex(store);
        var late = await FlushAsync(store, index, App, 2, 3000, 4000, 1);
        var early = await FlushAsync(store, index, App, 2, 1000, 2000, 2);
        await FlushAsync(store, index, Db, 3, 1000, 2000, 3);
        await FlushAsync(store, index, App, 2, 1000, 2000, 4, tenant: "other");
        (await index.QueryAsync(Tenant, 0, 5000, labels => labels == App)).Select(e => e.ChunkKey).ShouldBe([early, late]);
        (await index.QueryAsync(Tenant, 0, 5000)).Count.ShouldBe(3);
        (await index.QueryAsync("other", 0, 5000)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ChunkNotYetInTheStore_IsRefused_SoTheIndexNeverPointsAtNothing()
    {
        var store = new InMemoryObjectStore();
        var index = new ChunkIndex(store);
        var key = new ChunkKey(Tenant, 2, 1000, 2000, 7).Format();
        await Should.ThrowAsync<InvalidOperationException>(() => index.AddAsync(Tenant, App, 2, 1000, 2000, key));
        (await store.ListAsync(ChunkIndex.Prefix)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChunkKeyOfAnotherTenant_IsWrongChunkMetadata()
    {
        var index = new ChunkIndex(new InMemoryObjectStore());
        var error = await Should.ThrowAsync<ArgumentException>(() => index.AddAsync("other", App, 2, 1000, 2000, "fake/2/3e8:7d0:7"));
        error.Message.ShouldStartWith(ChunkKey.WrongMetadata);
    }

    [Fact]
    public async Task FailedIndexPut_AddsNothing_AndARetrySucceeds()
    {
        var store = new InMemoryObjectStore();
        var index = new ChunkIndex(store);
        var key = new ChunkKey(Tenant, 2, 1000, 2000, 7).Format();
        await store.PutAsync(key, new byte[] { 1 });
        store.FailNextPuts(1);
        await Should.ThrowAsync<ObjectStoreException>(() => index.AddAsync(Tenant, App, 2, 1000, 2000, key));
        index.Count.ShouldBe(0);
        (await index.AddAsync(Tenant, App, 2, 1000, 2000, key)).ShouldBeTrue();
    }

    [Fact]
    public async Task TenantNamedIndex_SharesThePrefix_WithoutBeingMistakenForIndexObjects()
    {
        var store = new InMemoryObjectStore();
        var index = new ChunkIndex(store);
        var chunkOfIndexTenant = await FlushAsync(store, index, App, 2, 1000, 2000, 1, tenant: "index");
        chunkOfIndexTenant.ShouldStartWith(ChunkIndex.Prefix);
        await FlushAsync(store, index, App, 2, 1000, 2000, 1);
        var fresh = await ChunkIndex.OpenAsync(store);
        fresh.Count.ShouldBe(2);
        (await fresh.QueryAsync("index", 0, 5000)).Single().ChunkKey.ShouldBe(chunkOfIndexTenant);
    }

    [Theory]
    [InlineData("fake/2:3e8:7d0:7")] // pre-v12 layout
    [InlineData("fake/02/3e8:7d0:7")] // not as formatted
    [InlineData("fake/3/3e8:7d0:7")] // another fingerprint
    [InlineData("fake/2/3e9:7d0:7")] // other bounds
    public async Task ChunkKeyNotNamingTheGivenChunk_IsRefused(string key)
    {
        var store = new InMemoryObjectStore();
        await store.PutAsync(key, new byte[] { 1 });
        await Should.ThrowAsync<ArgumentException>(() => new ChunkIndex(store).AddAsync(Tenant, App, 2, 1000, 2000, key));
    }

    [Fact]
    public async Task CorruptIndexObject_FailsTheLoadByName()
    {
        var store = new InMemoryObjectStore();
        await store.PutAsync("index/fake/2/1:2:3", "not json"u8.ToArray());
        var error = await Should.ThrowAsync<InvalidDataException>(() => ChunkIndex.OpenAsync(store));
        error.Message.ShouldContain("index/fake/2/1:2:3");
    }

    /// <inheritdoc />
    public void Dispose() => _temp.Dispose();

    /// <summary>What a flush does: the chunk object first, then its index entry.</summary>
    private static async Task<string> FlushAsync(IObjectStore store, ChunkIndex index, string labels, ulong fp, long from, long through, uint checksum, string tenant = Tenant)
    {
        var key = new ChunkKey(tenant, fp, from, through, checksum).Format();
        await store.PutAsync(key, new byte[] { 1, 2, 3 });
        (await index.AddAsync(tenant, labels, fp, from, through, key)).ShouldBeTrue();
        return key;
    }
}
