using Shouldly;
using Verified.Reference.Simulation;
using Xunit;

namespace Verified.Simulation.Tests;

/// <summary>InMemoryDisk by example: visibility, durability, torn writes, rename and delete, capacity.</summary>
public sealed class InMemoryDiskTests
{
    private static readonly byte[] Abc = "abc"u8.ToArray();
    private static readonly byte[] Def = "def"u8.ToArray();

    [Fact]
    public async Task Writes_AreVisibleAtOnce_AndListedInOrdinalOrder()
    {
        var disk = new InMemoryDisk();
        await disk.AppendAsync("wal/00000002", Abc);
        await disk.AppendAsync("wal/00000002", Def);
        await disk.WriteAsync("wal/00000001", Abc);
        await disk.WriteAsync("checkpoint", Def);
        (await disk.ReadAsync("wal/00000002"))!.ShouldBe("abcdef"u8.ToArray());
        (await disk.ListAsync("wal/")).ShouldBe(["wal/00000001", "wal/00000002"]);
        (await disk.ListAsync("")).ShouldBe(["checkpoint", "wal/00000001", "wal/00000002"]);
        (await disk.ReadAsync("missing")).ShouldBeNull();
    }

    [Fact]
    public async Task Crash_KeepsSyncedBytes_AndLosesUnsyncedOnesInLoseUnsyncedMode()
    {
        var disk = new InMemoryDisk(crashMode: DiskCrashMode.LoseUnsynced);
        await disk.AppendAsync("segment", Abc);
        await disk.SyncAsync("segment");
        await disk.AppendAsync("segment", Def);
        await disk.AppendAsync("never-synced", Abc);
        disk.Crash(new Random(1));
        (await disk.ReadAsync("segment"))!.ShouldBe(Abc);
        (await disk.ReadAsync("never-synced")).ShouldBeNull();
        disk.UsedBytes.ShouldBe(3);
    }

    [Fact]
    public async Task Crash_InTornMode_KeepsAPrefixOfTheUnsyncedTail_ChosenBySeed()
    {
        var survivors = new HashSet<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            var disk = new InMemoryDisk();
            await disk.AppendAsync("segment", Abc);
            await disk.SyncAsync("segment");
            await disk.AppendAsync("segment", Def);
            disk.Crash(new Random(seed));
            survivors.Add(System.Text.Encoding.ASCII.GetString((await disk.ReadAsync("segment"))!));
        }

        survivors.ShouldBe(["abc", "abcd", "abcde", "abcdef"], ignoreOrder: true);
    }

    [Fact]
    public async Task RewriteAfterSync_RevertsWhole_OnCrash()
    {
        var disk = new InMemoryDisk();
        await disk.WriteAsync("meta", Abc);
        await disk.SyncAsync("meta");
        await disk.WriteAsync("meta", Def);
        disk.Crash(new Random(5));
        (await disk.ReadAsync("meta"))!.ShouldBe(Abc);
    }

    [Fact]
    public async Task Rename_IsDurableAtOnce_ButTheFileKeepsItsUnsyncedBytesUnsynced()
    {
        var disk = new InMemoryDisk(crashMode: DiskCrashMode.LoseUnsynced);
        await disk.WriteAsync("checkpoint.tmp", Abc);
        await disk.SyncAsync("checkpoint.tmp");
        await disk.AppendAsync("checkpoint.tmp", Def);
        await disk.WriteAsync("checkpoint", "old"u8.ToArray());
        await disk.SyncAsync("checkpoint");
        await disk.RenameAsync("checkpoint.tmp", "checkpoint");
        disk.Crash(new Random(1));
        (await disk.ListAsync("")).ShouldBe(["checkpoint"]);
        (await disk.ReadAsync("checkpoint"))!.ShouldBe(Abc);
    }

    [Fact]
    public async Task Delete_IsDurableAtOnce()
    {
        var disk = new InMemoryDisk();
        await disk.WriteAsync("a", Abc);
        await disk.SyncAsync("a");
        await disk.DeleteAsync("a");
        disk.Crash(new Random(1));
        (await disk.ReadAsync("a")).ShouldBeNull();
    }

    [Fact]
    public async Task FullDisk_RefusesWholeWrites_AndCountsUsage()
    {
        var disk = new InMemoryDisk(capacityBytes: 10);
        await disk.AppendAsync("a", new byte[8]);
        var full = await Should.ThrowAsync<DiskFullException>(() => disk.AppendAsync("a", new byte[3]));
        full.Message.ShouldBe("write a: no space left on device");
        (await disk.ReadAsync("a"))!.Length.ShouldBe(8);
        await disk.WriteAsync("a", new byte[10]); // replacing: only the growth counts
        disk.UsedFraction.ShouldBe(1.0);
        await Should.ThrowAsync<DiskFullException>(() => disk.WriteAsync("b", new byte[1]));
        await disk.DeleteAsync("a");
        disk.UsedFraction.ShouldBe(0.0);
        disk.Capacity = 100;
        await disk.AppendAsync("b", new byte[95]);
        disk.UsedFraction.ShouldBe(0.95);
    }

    [Fact]
    public async Task SyncOrRenameOfAMissingFile_Throws()
    {
        var disk = new InMemoryDisk();
        await Should.ThrowAsync<FileNotFoundException>(() => disk.SyncAsync("nope"));
        await Should.ThrowAsync<FileNotFoundException>(() => disk.RenameAsync("nope", "x"));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a\0b")]
    [InlineData("a\\b")]
    [InlineData("a//b")]
    [InlineData("")]
    public async Task HostilePaths_AreRefusedByName(string path)
    {
        var disk = new InMemoryDisk();
        var error = await Should.ThrowAsync<ArgumentException>(() => disk.AppendAsync(path, Abc));
        error.Message.ShouldStartWith("invalid path \"");
    }
}
