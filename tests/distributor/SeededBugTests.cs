using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Distributor.Tests.Properties;
using Verified.Reference.Loki.Distributor;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>
/// Negative controls: every property fails on a distributor with a seeded bug (<see cref="DistributorFaults"/>) and
/// names a counterexample. Fixed seeds keep these deterministic; the budget is larger than the default run's.
/// </summary>
public sealed class SeededBugTests
{
    private const int Budget = 1000;

    [Theory]
    [InlineData(nameof(DistributorFaults.SkipLabelNameLengthCheck))]
    [InlineData(nameof(DistributorFaults.OldSampleBoundInclusive))]
    [InlineData(nameof(DistributorFaults.RateLimitCountsInvalidEntries))]
    [InlineData(nameof(DistributorFaults.SendInvalidEntries))]
    public void ValidationModelProperty_Catches(string fault) =>
        ShouldCatch(DistributorProperties.ResponseMatchesTheValidationModel(Enum.Parse<DistributorFaults>(fault)));

    [Theory]
    [InlineData(nameof(DistributorFaults.SendInvalidEntries))]
    [InlineData(nameof(DistributorFaults.HashBeforeServiceName))]
    [InlineData(nameof(DistributorFaults.OldSampleBoundInclusive))]
    public void ExactlyTheValidStreamsProperty_Catches(string fault) =>
        ShouldCatch(DistributorProperties.ExactlyTheValidStreamsAreSent(Enum.Parse<DistributorFaults>(fault)));

    [Theory]
    [InlineData(nameof(DistributorFaults.FailureCountsAgainstFirstStreamOnly))]
    [InlineData(nameof(DistributorFaults.AckAfterFirstSuccess))]
    public void QuorumProperty_Catches(string fault) =>
        ShouldCatch(DistributorProperties.PushFailsIffSomeStreamLosesMoreThanMaxErrorsReplicas(Enum.Parse<DistributorFaults>(fault)));

    [Theory]
    [InlineData(nameof(DistributorFaults.SkipSendsAfterAnswer))]
    public void ReplicaProperty_Catches(string fault) =>
        ShouldCatch(DistributorProperties.EveryReplicaReceivesItsBatchWhateverTheAnswer(Enum.Parse<DistributorFaults>(fault)));

    [Fact]
    public void EveryFault_IsCaughtBySomeProperty()
    {
        var tested = new[]
        {
            DistributorFaults.SkipLabelNameLengthCheck, DistributorFaults.OldSampleBoundInclusive, DistributorFaults.RateLimitCountsInvalidEntries,
            DistributorFaults.SendInvalidEntries, DistributorFaults.HashBeforeServiceName, DistributorFaults.FailureCountsAgainstFirstStreamOnly,
            DistributorFaults.AckAfterFirstSuccess, DistributorFaults.SkipSendsAfterAnswer,
        };
        Enum.GetValues<DistributorFaults>().Where(f => f != DistributorFaults.None).ShouldBe(tested, ignoreOrder: true);
    }

    private static void ShouldCatch(Property property)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(Budget).WithQuietOnSuccess(true)
            .WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(new Replay(new Rnd(20260101UL, 1442695040888963407UL), Microsoft.FSharp.Core.FSharpOption<int>.None)));
        var failure = Should.Throw<Exception>(() => Check.One(config, property));
        failure.Message.ShouldContain("Falsifiable");
    }
}
