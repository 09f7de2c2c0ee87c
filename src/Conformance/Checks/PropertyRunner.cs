using FsCheck;

namespace Verified.Conformance.Checks;

/// <summary>Runs an FsCheck property as a check: a counterexample becomes a Failed outcome with its replay seed.</summary>
public static class PropertyRunner
{
    /// <summary>Checks <paramref name="property"/> with <paramref name="context"/>'s budget (and replay seed, if any).</summary>
    public static CheckOutcome Run(Property property, CheckContext context)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(context.MaxTest).WithQuietOnSuccess(true);
        if (context.Replay is { } replay)
        {
            config = config.WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(ParseReplay(replay), Microsoft.FSharp.Core.FSharpOption<int>.None)));
        }

        try
        {
            Check.One(config, property);
            return CheckOutcome.Pass($"{context.MaxTest} cases");
        }
        catch (Exception ex)
        {
            var message = ex.Message.Trim();
            var seed = ExtractSeed(message);
            return CheckOutcome.Fail(message, seed is null ? null : $"--replay \"{seed}\"");
        }
    }

    /// <summary>The "(seed1,seed2)" part of FsCheck's "Falsifiable, after N tests (k shrinks) (seed1,seed2)".</summary>
    public static string? ExtractSeed(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"\((\d+),\s*(\d+)\)");
        return match.Success ? $"({match.Groups[1].Value},{match.Groups[2].Value})" : null;
    }

    private static Rnd ParseReplay(string replay)
    {
        var parts = replay.Trim('(', ')', ' ').Split(',');
        if (parts.Length != 2 || !ulong.TryParse(parts[0].Trim(), out var seed) || !ulong.TryParse(parts[1].Trim(), out var gamma))
        {
            throw new ArgumentException($"replay seed must look like (seed1,seed2), not '{replay}'");
        }

        return new Rnd(seed, gamma);
    }
}
