using Verified.Reference.Simulation;

namespace Verified.Reference.Storage;

/// <summary>
/// Object keys: the <see cref="DiskPaths"/> rule (non-empty '/'-separated segments, none "." or "..", no leading
/// '/', no backslash, no NUL or other control character), so every store — in memory or on disk — accepts the
/// same keys, and a key that would be unsafe on disk is refused everywhere.
/// </summary>
public static class ObjectKeys
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the key when it is not valid.</summary>
    public static void Validate(string key) => DiskPaths.Validate(key, nameof(key), "object key");

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="prefix"/> is not a valid listing prefix ("" lists all).</summary>
    public static void ValidatePrefix(string prefix) => DiskPaths.ValidatePrefix(prefix, nameof(prefix), "object key prefix");

    /// <summary>Whether <paramref name="key"/> is valid.</summary>
    public static bool IsValid(string key) => key is not null && DiskPaths.Problem(key) is null;
}
