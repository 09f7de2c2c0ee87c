namespace Verified.Reference.Simulation;

/// <summary>What a crash does to bytes that were written but not synced.</summary>
public enum DiskCrashMode
{
    /// <summary>A random-length prefix of each file's unsynced tail survives (a torn write); the harsher, default mode.</summary>
    TornWrites,

    /// <summary>Every unsynced byte is lost: each file reverts to exactly its last synced content.</summary>
    LoseUnsynced,
}
