using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Ring;
using Verified.Reference.Simulation;
using Verified.Routing;
using LokiDistributor = Verified.Reference.Loki.Distributor.Distributor;

namespace Verified.Distributor.Tests.Support;

/// <summary>A distributor over a simulated clock, a test ring and a scripted ingester client.</summary>
public sealed class Harness
{
    /// <summary>The instant every harness starts at: 2024-01-01T00:00:00Z, a whole second.</summary>
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal Harness(
        int ingesters = 3,
        PushPath path = PushPath.Http,
        Func<string, DistributorLimits>? limits = null,
        DistributorFaults faults = DistributorFaults.None,
        Ring? ring = null,
        DistributorConfig? config = null,
        Func<string, string?>? validateTenant = null)
    {
        Clock = new SimulatedClock(Start);
        _ingesters = ring is null ? ingesters : 0;
        Ring = ring ?? TestRing.Create(ingesters, Start.ToUnixTimeSeconds());
        Client = new FakeIngesterClient();
        Distributor = new LokiDistributor(
            LokiRouting.Instance, () => Ring, Client, Clock, limits, (config ?? DistributorConfig.Default) with { Path = path }, validateTenant, faults);
    }

    private readonly int _ingesters;

    /// <summary>Unix nanoseconds at <see cref="Start"/>.</summary>
    public static long NowNs => Start.ToUnixTimeMilliseconds() * 1_000_000;

    /// <summary>The clock (starts at <see cref="Start"/>).</summary>
    public SimulatedClock Clock { get; }

    /// <summary>The ring the distributor reads; replaceable.</summary>
    public Ring Ring { get; set; }

    /// <summary>The ingesters.</summary>
    public FakeIngesterClient Client { get; }

    /// <summary>The system under test.</summary>
    public LokiDistributor Distributor { get; }

    /// <summary>Moves the clock; the default ring's ingesters keep heartbeating, so it stays healthy.</summary>
    public void Advance(TimeSpan delta)
    {
        Clock.Advance(delta);
        if (_ingesters > 0)
        {
            Ring = TestRing.Create(_ingesters, Clock.GetUtcNow().ToUnixTimeSeconds());
        }
    }

    /// <summary>Pushes and waits for the answer (the fakes answer synchronously unless told otherwise).</summary>
    public PushResult Push(Verified.Reference.Loki.Push.PushRequest request) =>
        Distributor.PushWithOutcomeAsync(request).GetAwaiter().GetResult();
}
