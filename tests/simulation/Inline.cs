namespace Verified.Simulation.Tests;

/// <summary>
/// Runs a test body without xunit's SynchronizationContext. Task continuations are inlined only on a thread with no
/// context (.NET's rule), and the simulation relies on that: a clock advance then runs everything it wakes before
/// returning, as it does in a simulation driver or under Coyote, instead of posting work to xunit's threads.
/// </summary>
public static class Inline
{
    /// <summary>Runs <paramref name="body"/> with no SynchronizationContext, restoring xunit's after.</summary>
    public static void Run(Action body)
    {
        var saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            body();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }
}
