namespace Verified.Systematic.Tests.Placement;

/// <summary>How many concurrent actors a membership scenario runs.</summary>
/// <param name="Joiners">Members that join (PENDING, then ACTIVE with tokens).</param>
/// <param name="Leavers">Initial members that start leaving (ACTIVE → LEAVING).</param>
/// <param name="Readers">Distributors that look keys up in the current snapshot.</param>
/// <param name="LookupsPerReader">Lookups each reader makes, one snapshot each.</param>
internal sealed record RingScenarioShape(int Joiners, int Leavers, int Readers, int LookupsPerReader)
{
    /// <summary>Two joins, one leave and two readers, all at once.</summary>
    public static RingScenarioShape JoinLeaveAndLookUp { get; } = new(Joiners: 2, Leavers: 1, Readers: 2, LookupsPerReader: 3);

    /// <summary>Two joins and one reader: with a racy registry the only possible bug is a lost join.</summary>
    public static RingScenarioShape ConcurrentJoins { get; } = new(Joiners: 2, Leavers: 0, Readers: 1, LookupsPerReader: 2);
}
