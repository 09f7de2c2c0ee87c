namespace Verified.Conformance.Placement;

/// <summary>A ring of <paramref name="Instances"/> members built from <paramref name="Seed"/>, and which one leaves.</summary>
/// <param name="Instances">Members before the change.</param>
/// <param name="Seed">Seed of the token draws and of the key sample.</param>
/// <param name="Leaver">Index of the member that leaves (leave properties only).</param>
public sealed record MembershipCase(int Instances, int Seed, int Leaver);
