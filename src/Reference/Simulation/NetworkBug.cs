namespace Verified.Reference.Simulation;

/// <summary>
/// Seeded bugs for <see cref="SimNetwork"/>'s negative controls: each breaks one law the network tests check, so
/// the suite can show that the check catches it. Internal: only tests construct a faulty network.
/// </summary>
internal enum NetworkBug
{
    /// <summary>The correct network.</summary>
    None,

    /// <summary>A lost response is reported as definite, although the handler ran: the error an oracle must not make.</summary>
    DroppedResponseIsDefinite,
}
