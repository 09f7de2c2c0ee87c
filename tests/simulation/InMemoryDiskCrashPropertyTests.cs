using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Simulation;
using Verified.Simulation.Tests.SeededBugs;
using Xunit;

namespace Verified.Simulation.Tests;

/// <summary>
/// IDisk's durability promise as a property over random write/sync/rename/delete/crash sequences, against a model
/// of names and files: reads always see the latest writes, and after a crash every file holds exactly its synced
/// bytes followed by a prefix of its unsynced tail (nothing, in lose-unsynced mode), and unsynced files are gone.
/// </summary>
public sealed class InMemoryDiskCrashPropertyTests
{
    private static readonly string[] Files = ["a", "b", "dir/c"];

    /// <summary>One disk operation.</summary>
    public sealed record Op(string Kind, string File, string Other, byte Value, int Length);

    private static readonly Gen<Op> Ops =
        from kind in Gen.Frequency(
            (5, Gen.Constant("append")), (2, Gen.Constant("write")), (4, Gen.Constant("sync")),
            (1, Gen.Constant("rename")), (1, Gen.Constant("delete")), (2, Gen.Constant("crash")))
        from file in Gen.Elements(Files)
        from other in Gen.Elements(Files)
        from value in Gen.Choose(0, 255)
        from length in Gen.Choose(0, 6)
        select new Op(kind, file, other, (byte)value, length);

    private static readonly Gen<Op[]> Scripts = Gen.ArrayOf(Ops);

    [Fact]
    public void TornCrash_KeepsSyncedBytesAndAPrefixOfTheRest() =>
        PropertyChecks.ShouldHold(CrashKeepsSyncedPlusPrefix(DiskCrashMode.TornWrites, d => d));

    [Fact]
    public void LoseUnsyncedCrash_KeepsExactlyTheSyncedBytes() =>
        PropertyChecks.ShouldHold(CrashKeepsSyncedPlusPrefix(DiskCrashMode.LoseUnsynced, d => d));

    [Fact]
    public void SkippedSync_IsCaughtByTheCrashProperty() =>
        PropertyChecks.ShouldCatch(CrashKeepsSyncedPlusPrefix(DiskCrashMode.TornWrites, d => new SkippingSyncDisk(d)));

    private static Property CrashKeepsSyncedPlusPrefix(DiskCrashMode mode, Func<InMemoryDisk, IDisk> wrap) =>
        Prop.ForAll(Scripts.ToArbitrary(), Gen.Choose(0, 1_000_000).ToArbitrary(), (script, seed) =>
        {
            var inner = new InMemoryDisk(crashMode: mode);
            var disk = wrap(inner);
            var model = new DiskModel();
            var random = new Random(seed);
            foreach (var op in script)
            {
                if (!Apply(disk, inner, model, op, random, mode) || !model.Matches(disk))
                {
                    return false;
                }
            }

            return true;
        });

    /// <summary>Applies one operation to disk and model; false when they disagree.</summary>
    private static bool Apply(IDisk disk, InMemoryDisk inner, DiskModel model, Op op, Random random, DiskCrashMode mode)
    {
        var data = Enumerable.Repeat(op.Value, op.Length).ToArray();
        switch (op.Kind)
        {
            case "append":
                disk.AppendAsync(op.File, data).GetAwaiter().GetResult();
                model.Append(op.File, data);
                return true;
            case "write":
                disk.WriteAsync(op.File, data).GetAwaiter().GetResult();
                model.Write(op.File, data);
                return true;
            case "sync":
                return Same(() => disk.SyncAsync(op.File), model.Sync(op.File));
            case "rename":
                return Same(() => disk.RenameAsync(op.File, op.Other), model.Rename(op.File, op.Other));
            case "delete":
                disk.DeleteAsync(op.File).GetAwaiter().GetResult();
                model.Delete(op.File);
                return true;
            default:
                inner.Crash(random);
                return model.CrashAllows(disk, mode);
        }
    }

    /// <summary>The disk operation succeeds exactly when the model says the file exists.</summary>
    private static bool Same(Func<Task> operation, bool modelSucceeds)
    {
        try
        {
            operation().GetAwaiter().GetResult();
            return modelSucceeds;
        }
        catch (FileNotFoundException)
        {
            return !modelSucceeds;
        }
    }
}
