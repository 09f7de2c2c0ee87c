using Shouldly;
using Verified.Reference.Storage;
using Xunit;

namespace Verified.Simulation.Tests;

/// <summary>InMemoryObjectStore: the contract, and its injectable faults and counters.</summary>
public sealed class InMemoryObjectStoreTests
{
    [Fact]
    public async Task PutGetListDelete_RoundTrip_WithCopiesInAndOut()
    {
        var store = new InMemoryObjectStore();
        var data = new byte[] { 1, 2, 3 };
        await store.PutAsync("t/b", data);
        await store.PutAsync("t/a", data);
        await store.PutAsync("u/a", data);
        data[0] = 9;
        var read = (await store.GetAsync("t/b"))!;
        read.ShouldBe([1, 2, 3]);
        read[1] = 9;
        (await store.GetAsync("t/b"))!.ShouldBe([1, 2, 3]);
        (await store.ListAsync("t/")).ShouldBe(["t/a", "t/b"]);
        (await store.ExistsAsync("u/a")).ShouldBeTrue();
        await store.DeleteAsync("u/a");
        (await store.GetAsync("u/a")).ShouldBeNull();
        (store.Puts, store.Gets, store.Lists, store.ExistsChecks, store.Deletes, store.Count).ShouldBe((3, 3, 1, 1, 1, 2));
    }

    [Fact]
    public async Task FailNextPuts_FailsExactlyThatMany_AndStoresNothing()
    {
        var store = new InMemoryObjectStore();
        store.FailNextPuts(2);
        (await Should.ThrowAsync<ObjectStoreException>(() => store.PutAsync("k", new byte[] { 1 }))).Message.ShouldBe("put k: injected failure");
        await Should.ThrowAsync<ObjectStoreException>(() => store.PutAsync("k", new byte[] { 1 }));
        (await store.ExistsAsync("k")).ShouldBeFalse();
        await store.PutAsync("k", new byte[] { 1 });
        (await store.ExistsAsync("k")).ShouldBeTrue();
        (store.Puts, store.FailedPuts).ShouldBe((3, 2));
    }

    [Fact]
    public async Task FailedPutsStore_ModelsAWriteThatHappenedDespiteTheError()
    {
        var store = new InMemoryObjectStore { FailedPutsStore = true };
        store.FailNextPuts(1);
        await Should.ThrowAsync<ObjectStoreException>(() => store.PutAsync("k", new byte[] { 1 }));
        (await store.GetAsync("k"))!.ShouldBe([1]);
    }

    [Fact]
    public async Task PutFailureRate_IsDeterministicForASeed()
    {
        (await Pattern(7)).ShouldBe(await Pattern(7));
        (await Pattern(7)).ShouldContain('x');
        (await Pattern(7)).ShouldContain('.');
    }

    [Fact]
    public void PutFailureRate_NeedsASeededRandom()
    {
        Should.Throw<InvalidOperationException>(() => new InMemoryObjectStore().PutFailureRate = 0.5);
        Should.Throw<ArgumentOutOfRangeException>(() => new InMemoryObjectStore(new Random(1)).PutFailureRate = 2);
    }

    [Fact]
    public async Task HostileKeys_AreRefusedAsOnDisk()
    {
        var store = new InMemoryObjectStore();
        foreach (var key in HostileStrings.Refused)
        {
            await Should.ThrowAsync<ArgumentException>(() => store.PutAsync(key, new byte[] { 1 }), key);
        }

        store.Count.ShouldBe(0);
    }

    /// <summary>Thirty puts at a 50% failure rate: 'x' failed, '.' stored.</summary>
    private static async Task<string> Pattern(int seed)
    {
        var store = new InMemoryObjectStore(new Random(seed)) { PutFailureRate = 0.5 };
        var marks = new List<char>();
        for (var i = 0; i < 30; i++)
        {
            try
            {
                await store.PutAsync($"k{i}", new byte[] { 1 });
                marks.Add('.');
            }
            catch (ObjectStoreException)
            {
                marks.Add('x');
            }
        }

        return new string([.. marks]);
    }
}
