using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;
using Verified.Simulation.Tests.SeededBugs;
using Shouldly;
using Xunit;

namespace Verified.Simulation.Tests;

/// <summary>
/// No string — key, path or tenant — makes a store or disk touch anything outside its root: every operation with a
/// generated hostile string either is refused or stays inside, and the sandbox around the roots never changes.
/// A key a store accepts also round-trips. And a tenant ID that passes dskit's rule always makes a safe key.
/// </summary>
public sealed class PathEscapePropertyTests
{
    [Fact]
    public void HostileStrings_NeverEscapeTheRoot()
    {
        using var sandbox = new Sandbox(root => new FileSystemObjectStore(root));
        PropertyChecks.ShouldHold(NothingEscapes(sandbox));
        sandbox.Escaped.ShouldBeEmpty();
    }

    [Fact]
    public void NaiveKeyMapping_IsCaughtByTheEscapeProperty()
    {
        using var sandbox = new Sandbox(null);
        PropertyChecks.ShouldCatch(NothingEscapes(sandbox));
        sandbox.Escaped.ShouldNotBeEmpty(); // caught for escaping, not for some other failure
    }

    [Fact]
    public void ValidTenants_AlwaysMakeSafeKeys() =>
        PropertyChecks.ShouldHold(ValidTenantsMakeSafeKeys(TenantIds.Validate));

    [Fact]
    public void LengthOnlyTenantCheck_IsCaughtBySafeKeyProperty() =>
        PropertyChecks.ShouldCatch(ValidTenantsMakeSafeKeys(t => t.Length > TenantIds.MaxLength ? TenantIds.TooLong : null));

    /// <summary>Every operation with a hostile string leaves the sandbox outside the roots as it was.</summary>
    private static Property NothingEscapes(Sandbox sandbox) =>
        Prop.ForAll(HostileStrings.In(sandbox.Anchor).ToArbitrary(), hostile =>
        {
            var storedBack = StoreRoundTrips(sandbox.Store, hostile);
            Exercise(sandbox.Disk, hostile);
            return storedBack && !sandbox.Changed;
        });

    /// <summary>Puts and reads back; true when refused or when the object reads back intact.</summary>
    private static bool StoreRoundTrips(IObjectStore store, string key)
    {
        byte[] data = [1, 2, 3];
        try
        {
            store.PutAsync(key, data).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ArgumentException or ObjectStoreException or IOException or UnauthorizedAccessException)
        {
            return true;
        }

        Attempt(() => store.ExistsAsync(key));
        Attempt(() => store.ListAsync(key));
        var back = store.GetAsync(key).GetAwaiter().GetResult();
        Attempt(() => store.DeleteAsync(key));
        return back is not null && back.SequenceEqual(data);
    }

    private static void Exercise(IDisk disk, string path)
    {
        Attempt(() => disk.AppendAsync(path, new byte[] { 1 }));
        Attempt(() => disk.WriteAsync(path, new byte[] { 2 }));
        Attempt(() => disk.SyncAsync(path));
        Attempt(() => disk.ReadAsync(path));
        Attempt(() => disk.ListAsync(path));
        Attempt(() => disk.WriteAsync("here", new byte[] { 3 }));
        Attempt(() => disk.RenameAsync("here", path));
        Attempt(() => disk.RenameAsync(path, "there"));
        Attempt(() => disk.DeleteAsync(path));
    }

    /// <summary>Runs an operation whose refusal is fine: the property looks at the file system, not at errors.</summary>
    private static void Attempt(Func<Task> operation)
    {
        try
        {
            operation().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or ObjectStoreException)
        {
        }
    }

    private static Property ValidTenantsMakeSafeKeys(Func<string, string?> validate)
    {
        var tenants = Gen.OneOf(
            HostileStrings.In("/tmp"),
            Gen.Elements(TenantChars).ArrayOf().Select(cs => new string(cs)));
        return Prop.ForAll(tenants.ToArbitrary(), tenant =>
            validate(tenant) is not null || tenant.Length == 0 || ObjectKeys.IsValid($"{tenant}/2/270d8f00:270d8f00:f84c5745"));
    }

    /// <summary>dskit's allowed set plus neighbours that must be refused.</summary>
    private static readonly char[] TenantChars = [.. "aZ09!-_.*'()", '/', '\\', ':', '\0', '\n', 'é', ' '];

    /// <summary>
    /// One temp sandbox for a whole run (deleted after): a store — made by the factory, or the naive seeded bug when
    /// it is null — and a <see cref="DirectoryDisk"/>, with roots deep inside it.
    /// </summary>
    private sealed class Sandbox : IDisposable
    {
        private readonly TempDirectory _temp = new();
        private readonly string _storeRoot;
        private readonly string _diskRoot;
        private readonly IReadOnlyList<string> _before;

        public Sandbox(Func<string, IObjectStore>? makeStore)
        {
            _storeRoot = _temp.NewRoot("store");
            _diskRoot = _temp.NewRoot("disk");
            Store = makeStore is null ? new NaiveKeyMappingStore(_storeRoot, _temp.Path) : makeStore(_storeRoot);
            Disk = new DirectoryDisk(_diskRoot);
            _before = _temp.EntriesOutside(_storeRoot, _diskRoot);
        }

        public IObjectStore Store { get; }

        public IDisk Disk { get; }

        /// <summary>An absolute directory inside the sandbox for hostile absolute paths: the roots' parent.</summary>
        public string Anchor => Path.GetDirectoryName(_storeRoot)!;

        /// <summary>Whether anything outside the roots appeared or vanished.</summary>
        public bool Changed => !_temp.EntriesOutside(_storeRoot, _diskRoot).SequenceEqual(_before);

        /// <summary>Entries outside the roots that were not there at the start.</summary>
        public IReadOnlyList<string> Escaped => [.. _temp.EntriesOutside(_storeRoot, _diskRoot).Except(_before)];

        public void Dispose() => _temp.Dispose();
    }
}
