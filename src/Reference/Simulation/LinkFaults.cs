namespace Verified.Reference.Simulation;

/// <summary>
/// Faults on the directed link caller → callee, applied to every call the caller makes to the callee. Rates are
/// probabilities in [0, 1] drawn from the network's seeded <see cref="Random"/>; <see cref="Delay"/> (plus up to
/// <see cref="Jitter"/>) is added on the network's clock to the request and again to the response.
/// </summary>
/// <param name="RequestDropRate">The request is lost: the handler never runs (a definite failure).</param>
/// <param name="ResponseDropRate">The response is lost: the handler ran (an indefinite failure).</param>
/// <param name="DuplicateRate">The request is delivered again, one request latency after it got through; the copy's answer is discarded.</param>
/// <param name="Delay">Fixed one-way latency.</param>
/// <param name="Jitter">Extra one-way latency, uniform in [0, Jitter]; lets messages overtake each other.</param>
public sealed record LinkFaults(
    double RequestDropRate = 0,
    double ResponseDropRate = 0,
    double DuplicateRate = 0,
    TimeSpan Delay = default,
    TimeSpan Jitter = default)
{
    /// <summary>A perfect link.</summary>
    public static LinkFaults None { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a rate is outside [0, 1] or a latency is negative.</summary>
    public void Validate()
    {
        Rate(RequestDropRate, nameof(RequestDropRate));
        Rate(ResponseDropRate, nameof(ResponseDropRate));
        Rate(DuplicateRate, nameof(DuplicateRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(Delay, TimeSpan.Zero, nameof(Delay));
        ArgumentOutOfRangeException.ThrowIfLessThan(Jitter, TimeSpan.Zero, nameof(Jitter));
    }

    private static void Rate(double value, string name)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "a rate is a probability in [0, 1]");
        }
    }
}
