using Shouldly;
using Verified.Reference.Simulation;
using Xunit;

namespace Verified.Simulation.Tests;

/// <summary>DirectoryDisk on a real temp directory: the same contract as InMemoryDisk, on files.</summary>
public sealed class DirectoryDiskTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task AppendWriteReadListRenameDelete_RoundTrip()
    {
        var disk = new DirectoryDisk(_temp.NewRoot("disk"));
        await disk.AppendAsync("wal/00000001", "ab"u8.ToArray());
        await disk.AppendAsync("wal/00000001", "cd"u8.ToArray());
        await disk.SyncAsync("wal/00000001");
        await disk.WriteAsync("checkpoint.tmp", "cp"u8.ToArray());
        await disk.SyncAsync("checkpoint.tmp");
        await disk.RenameAsync("checkpoint.tmp", "checkpoint");
        (await disk.ReadAsync("wal/00000001"))!.ShouldBe("abcd"u8.ToArray());
        (await disk.ReadAsync("checkpoint"))!.ShouldBe("cp"u8.ToArray());
        (await disk.ReadAsync("checkpoint.tmp")).ShouldBeNull();
        (await disk.ListAsync("")).ShouldBe(["checkpoint", "wal/00000001"]);
        (await disk.ListAsync("wal/0")).ShouldBe(["wal/00000001"]);
        (await disk.ListAsync("nothing/")).ShouldBeEmpty();
        await disk.DeleteAsync("checkpoint");
        await disk.DeleteAsync("checkpoint");
        (await disk.ListAsync("")).ShouldBe(["wal/00000001"]);
    }

    [Fact]
    public async Task Appends_AfterRenameDeleteOrRewrite_GoToTheFileThatHasTheNameNow()
    {
        // The disk keeps the file it appended to last open; every other operation on that name must let go of it.
        using var disk = new DirectoryDisk(_temp.NewRoot("disk"));
        await disk.AppendAsync("seg", "ab"u8.ToArray());
        await disk.RenameAsync("seg", "old");
        await disk.AppendAsync("seg", "cd"u8.ToArray());
        await disk.AppendAsync("old", "ef"u8.ToArray());
        (await disk.ReadAsync("seg"))!.ShouldBe("cd"u8.ToArray());
        (await disk.ReadAsync("old"))!.ShouldBe("abef"u8.ToArray());

        await disk.DeleteAsync("old");
        await disk.AppendAsync("old", "gh"u8.ToArray());
        (await disk.ReadAsync("old"))!.ShouldBe("gh"u8.ToArray());

        await disk.WriteAsync("old", "x"u8.ToArray());
        await disk.AppendAsync("old", "yz"u8.ToArray());
        await disk.SyncAsync("old");
        await disk.SyncAsync("seg");
        (await disk.ReadAsync("old"))!.ShouldBe("xyz"u8.ToArray());
        (await disk.ListAsync("")).ShouldBe(["old", "seg"]);
    }

    [Fact]
    public async Task Write_ReplacesTheWholeFile()
    {
        var disk = new DirectoryDisk(_temp.NewRoot("disk"));
        await disk.WriteAsync("f", "longer content"u8.ToArray());
        await disk.WriteAsync("f", "short"u8.ToArray());
        (await disk.ReadAsync("f"))!.ShouldBe("short"u8.ToArray());
    }

    [Fact]
    public async Task Capacity_RefusesWholeWrites_AndCountsWhatIsAlreadyThereOnReopen()
    {
        var root = _temp.NewRoot("disk");
        var disk = new DirectoryDisk(root, capacityBytes: 10);
        await disk.AppendAsync("a", new byte[6]);
        (await Should.ThrowAsync<DiskFullException>(() => disk.AppendAsync("a", new byte[5]))).Message.ShouldBe("write a: no space left on device");
        (await disk.ReadAsync("a"))!.Length.ShouldBe(6);
        disk.UsedFraction.ShouldBe(0.6);
        var reopened = new DirectoryDisk(root, capacityBytes: 10);
        reopened.UsedFraction.ShouldBe(0.6);
        await Should.ThrowAsync<DiskFullException>(() => reopened.WriteAsync("b", new byte[5]));
        await reopened.RenameAsync("a", "b");
        reopened.UsedFraction.ShouldBe(0.6);
    }

    [Fact]
    public void WithoutCapacity_UsedFractionIsTheVolumes()
    {
        var disk = new DirectoryDisk(_temp.NewRoot("disk"));
        disk.UsedFraction.ShouldBeInRange(0.0, 1.0);
    }

    [Fact]
    public async Task MissingFiles_CannotBeSyncedOrRenamed()
    {
        var disk = new DirectoryDisk(_temp.NewRoot("disk"));
        await Should.ThrowAsync<FileNotFoundException>(() => disk.SyncAsync("nope"));
        await Should.ThrowAsync<FileNotFoundException>(() => disk.RenameAsync("nope", "x"));
    }

    [Fact]
    public async Task HostilePaths_AreRefusedByName_AndNothingAppearsOutsideTheRoot()
    {
        var root = _temp.NewRoot("disk");
        var disk = new DirectoryDisk(root);
        var before = _temp.EntriesOutside(root);
        foreach (var path in HostileStrings.Refused)
        {
            var append = await Should.ThrowAsync<ArgumentException>(() => disk.AppendAsync(path, new byte[1]), path);
            append.Message.ShouldStartWith("invalid path \"");
            await Should.ThrowAsync<ArgumentException>(() => disk.WriteAsync(path, new byte[1]), path);
            await Should.ThrowAsync<ArgumentException>(() => disk.RenameAsync("x", path), path);
            await Should.ThrowAsync<ArgumentException>(() => disk.DeleteAsync(path), path);
            await Should.ThrowAsync<ArgumentException>(() => disk.ReadAsync(path), path);
        }

        _temp.EntriesOutside(root).ShouldBe(before);
        Directory.EnumerateFileSystemEntries(root).ShouldBeEmpty();
    }

    /// <inheritdoc />
    public void Dispose() => _temp.Dispose();
}
