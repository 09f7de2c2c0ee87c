using Shouldly;
using Verified.Reference.Storage;
using Xunit;

namespace Verified.Simulation.Tests;

/// <summary>FileSystemObjectStore on a real temp directory: round trip, atomic puts, key safety.</summary>
public sealed class FileSystemObjectStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task PutGetExistsListDelete_RoundTrip_AndSurviveReopening()
    {
        var root = _temp.NewRoot("store");
        var store = new FileSystemObjectStore(root);
        await store.PutAsync("fake/2/270d8f00:270d8f00:f84c5745", "chunk"u8.ToArray());
        await store.PutAsync("fake/10/1:2:3", "other"u8.ToArray());
        await store.PutAsync("index/fake/2/x", "idx"u8.ToArray());
        (await store.GetAsync("fake/2/270d8f00:270d8f00:f84c5745"))!.ShouldBe("chunk"u8.ToArray());
        (await store.ExistsAsync("fake/10/1:2:3")).ShouldBeTrue();
        (await store.ExistsAsync("fake/10")).ShouldBeFalse(); // a directory is not an object
        (await store.GetAsync("fake/3/1:2:3")).ShouldBeNull();
        (await store.ListAsync("fake/")).ShouldBe(["fake/10/1:2:3", "fake/2/270d8f00:270d8f00:f84c5745"]);
        (await store.ListAsync("fake/1")).ShouldBe(["fake/10/1:2:3"]);
        (await store.ListAsync("")).Count.ShouldBe(3);

        var reopened = new FileSystemObjectStore(root);
        (await reopened.GetAsync("index/fake/2/x"))!.ShouldBe("idx"u8.ToArray());
        await reopened.DeleteAsync("index/fake/2/x");
        await reopened.DeleteAsync("index/fake/2/x");
        (await reopened.ListAsync("index/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Put_Replaces_ThroughStaging_WhichEndsEmpty()
    {
        var root = _temp.NewRoot("store");
        var store = new FileSystemObjectStore(root);
        await store.PutAsync("k", new byte[1000]);
        await store.PutAsync("k", "new"u8.ToArray());
        (await store.GetAsync("k"))!.ShouldBe("new"u8.ToArray());
        Directory.EnumerateFileSystemEntries(Path.Join(root, "staging")).ShouldBeEmpty();
        File.Exists(Path.Join(root, "objects", "k")).ShouldBeTrue();
    }

    [Fact]
    public async Task StagingLeftByACrash_IsNeverAnObject_AndIsRemovedOnOpen()
    {
        var root = _temp.NewRoot("store");
        var store = new FileSystemObjectStore(root);
        await store.PutAsync("kept", "whole"u8.ToArray());

        // A crash after writing half a staged object and before its rename.
        await File.WriteAllBytesAsync(Path.Join(root, "staging", "1.tmp"), "hal"u8.ToArray());
        (await store.ListAsync("")).ShouldBe(["kept"]);
        var reopened = new FileSystemObjectStore(root);
        Directory.EnumerateFileSystemEntries(Path.Join(root, "staging")).ShouldBeEmpty();
        (await reopened.ListAsync("")).ShouldBe(["kept"]);
    }

    [Fact]
    public async Task ObjectAndPrefixOfTheSameName_Conflict_UntilTheDeepOneIsDeleted()
    {
        var store = new FileSystemObjectStore(_temp.NewRoot("store"));
        await store.PutAsync("a/b", new byte[] { 1 });
        var conflict = await Should.ThrowAsync<ObjectStoreException>(() => store.PutAsync("a", new byte[] { 2 }));
        conflict.Message.ShouldStartWith("put a: ");
        await store.DeleteAsync("a/b");
        await store.PutAsync("a", new byte[] { 2 });
        (await store.GetAsync("a"))!.ShouldBe([2]);
    }

    [Fact]
    public async Task HostileKeys_AreRefusedByName_AndNothingAppearsOutsideTheRoot()
    {
        var root = _temp.NewRoot("store");
        var store = new FileSystemObjectStore(root);
        var before = _temp.EntriesOutside(root);
        foreach (var key in HostileStrings.Refused)
        {
            var put = await Should.ThrowAsync<ArgumentException>(() => store.PutAsync(key, new byte[1]), key);
            put.Message.ShouldStartWith("invalid object key \"");
            put.ParamName.ShouldBe("key");
            await Should.ThrowAsync<ArgumentException>(() => store.GetAsync(key), key);
            await Should.ThrowAsync<ArgumentException>(() => store.ExistsAsync(key), key);
            await Should.ThrowAsync<ArgumentException>(() => store.DeleteAsync(key), key);
        }

        _temp.EntriesOutside(root).ShouldBe(before);
        Directory.EnumerateFileSystemEntries(Path.Join(root, "objects")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/")]
    [InlineData("a//")]
    [InlineData("a\0")]
    public async Task HostilePrefixes_AreRefused(string prefix)
    {
        var store = new FileSystemObjectStore(_temp.NewRoot("store"));
        await Should.ThrowAsync<ArgumentException>(() => store.ListAsync(prefix));
    }

    [Fact]
    public async Task Messages_QuoteTheKeyLegibly()
    {
        var store = new FileSystemObjectStore(_temp.NewRoot("store"));
        (await Should.ThrowAsync<ArgumentException>(() => store.PutAsync("a\0b", new byte[] { 1 }))).Message
            .ShouldStartWith("invalid object key \"a\\x00b\": control character U+0000");
        (await Should.ThrowAsync<ArgumentException>(() => store.PutAsync("a/../../b", new byte[] { 1 }))).Message
            .ShouldStartWith("invalid object key \"a/../../b\": '..' segment");
    }

    /// <inheritdoc />
    public void Dispose() => _temp.Dispose();
}
