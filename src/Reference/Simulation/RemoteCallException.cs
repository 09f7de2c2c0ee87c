namespace Verified.Reference.Simulation;

/// <summary>Whether a failed call may still have taken effect (Maelstrom's definite / indefinite).</summary>
public enum CallFailure
{
    /// <summary>The request never reached the callee: it was not applied.</summary>
    Definite,

    /// <summary>The request may have been applied (the response was lost, or the call timed out).</summary>
    Indefinite,
}

/// <summary>A remote call that got no answer: the node is down or partitioned, or a message was dropped.</summary>
public sealed class RemoteCallException : Exception
{
    /// <summary>Creates the error.</summary>
    public RemoteCallException(string message, CallFailure failure)
        : base(message) => Failure = failure;

    /// <summary>Whether the callee may have applied the request.</summary>
    public CallFailure Failure { get; }
}
