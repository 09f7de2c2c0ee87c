using System.Collections.Concurrent;
using Verified.Reference.Loki.Push;
using Verified.Reference.Simulation;

namespace Verified.Distributor.Tests.Support;

/// <summary>
/// A scripted ingester client: every call is recorded; each address answers 200 unless told to answer a status,
/// throw a <see cref="RemoteCallException"/>, or hold the call until the test releases it.
/// </summary>
public sealed class FakeIngesterClient : IIngesterClient
{
    private readonly ConcurrentDictionary<string, Func<IngesterPushRequest, CancellationToken, Task<IngesterPushResponse>>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Address, IngesterPushRequest Request, CancellationToken Token)> _calls = new();

    /// <summary>Every call in the order it was made.</summary>
    public IReadOnlyList<(string Address, IngesterPushRequest Request, CancellationToken Token)> Calls => [.. _calls];

    /// <summary>The requests <paramref name="address"/> received.</summary>
    public IReadOnlyList<IngesterPushRequest> Received(string address) =>
        _calls.Where(c => c.Address == address).Select(c => c.Request).ToList();

    /// <summary>Makes <paramref name="address"/> answer <paramref name="status"/> with <paramref name="body"/>.</summary>
    public void Answer(string address, int status, string body) =>
        _scripts[address] = (_, _) => Task.FromResult(new IngesterPushResponse(status, body));

    /// <summary>Makes <paramref name="address"/> fail without answering.</summary>
    public void Unreachable(string address, string message, CallFailure failure = CallFailure.Indefinite) =>
        _scripts[address] = (_, _) => Task.FromException<IngesterPushResponse>(new RemoteCallException(message, failure));

    /// <summary>Makes <paramref name="address"/> hold every call until the returned source is completed.</summary>
    public TaskCompletionSource<IngesterPushResponse> Hold(string address)
    {
        var source = new TaskCompletionSource<IngesterPushResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _scripts[address] = (_, _) => source.Task;
        return source;
    }

    /// <summary>Makes <paramref name="address"/> never answer unless the caller cancels (the remote timeout does).</summary>
    public void Hang(string address) =>
        _scripts[address] = async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return IngesterPushResponse.Ok;
        };

    /// <inheritdoc />
    public Task<IngesterPushResponse> PushAsync(string address, IngesterPushRequest request, CancellationToken cancellationToken)
    {
        _calls.Enqueue((address, request, cancellationToken));
        return _scripts.TryGetValue(address, out var script) ? script(request, cancellationToken) : Task.FromResult(IngesterPushResponse.Ok);
    }
}
