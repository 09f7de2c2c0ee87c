namespace Verified.Conformance.Checks;

/// <summary>The verdict of one check.</summary>
public enum Verdict
{
    /// <summary>The check ran and held.</summary>
    Passed,

    /// <summary>The check ran and found a counterexample or a mismatch.</summary>
    Failed,

    /// <summary>The check could not run (e.g. the gold vectors are not on this machine).</summary>
    Skipped,
}

/// <summary>What a check reports: verdict, a one-line detail and how to replay a failure.</summary>
public sealed record CheckOutcome(Verdict Verdict, string Detail, string? Replay = null)
{
    /// <summary>A pass with a detail such as "100 cases".</summary>
    public static CheckOutcome Pass(string detail) => new(Verdict.Passed, detail);

    /// <summary>A failure.</summary>
    public static CheckOutcome Fail(string detail, string? replay = null) => new(Verdict.Failed, detail, replay);

    /// <summary>Could not run.</summary>
    public static CheckOutcome Skip(string reason) => new(Verdict.Skipped, reason);
}
