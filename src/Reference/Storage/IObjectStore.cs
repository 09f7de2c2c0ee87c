namespace Verified.Reference.Storage;

/// <summary>
/// An object store (S3/GCS-like): whole objects under string keys, each put atomic and durable once it returns.
/// Keys are '/'-separated; an implementation must never let a key escape its root (no "..", no absolute paths,
/// no NUL or control characters) and rejects such keys with <see cref="ArgumentException"/>.
/// </summary>
public interface IObjectStore
{
    /// <summary>Stores <paramref name="data"/> under <paramref name="key"/>, replacing any object there.</summary>
    /// <exception cref="ObjectStoreException">The store failed; the object may or may not be there.</exception>
    Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>The object, or null when there is none.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Whether an object exists under the key.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Keys under <paramref name="prefix"/>, sorted ordinally.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object if it exists.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>A store operation failed (injected fault, I/O error).</summary>
public sealed class ObjectStoreException : Exception
{
    /// <summary>Creates the error.</summary>
    public ObjectStoreException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
