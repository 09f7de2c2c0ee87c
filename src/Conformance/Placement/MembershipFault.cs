namespace Verified.Conformance.Placement;

/// <summary>Seeded bugs of <see cref="RingMembershipWorkload"/> (negative controls for the stability properties).</summary>
internal enum MembershipFault
{
    /// <summary>Membership changes as dskit makes them: the other instances keep their tokens.</summary>
    None,

    /// <summary>Seeded bug "tokens reassigned on join": every instance draws new tokens with a new seed when one joins.</summary>
    TokensReassignedOnJoin,

    /// <summary>Seeded bug "tokens reassigned on leave": the survivors draw new tokens with a new seed when one leaves.</summary>
    TokensReassignedOnLeave,
}
