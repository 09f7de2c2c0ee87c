using FsCheck;
using Verified.Distributor.Tests.Properties;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;

namespace Verified.Distributor.Tests;

/// <summary>The distributor's laws on the reference (VERIFIED_MAXTEST cases each, 100 by default).</summary>
public sealed class DistributorPropertyTests
{
    [DistributorProperty]
    public Property Response_MatchesTheValidationModel() => DistributorProperties.ResponseMatchesTheValidationModel(DistributorFaults.None);

    [DistributorProperty]
    public Property Sent_IsExactlyTheValidStreamsWithTheirValidEntries() => DistributorProperties.ExactlyTheValidStreamsAreSent(DistributorFaults.None);

    [DistributorProperty]
    public Property Push_FailsIffSomeStreamLosesMoreThanMaxErrorsReplicas() => DistributorProperties.PushFailsIffSomeStreamLosesMoreThanMaxErrorsReplicas(DistributorFaults.None);

    [DistributorProperty]
    public Property EveryReplica_ReceivesItsBatchWhateverTheAnswer() => DistributorProperties.EveryReplicaReceivesItsBatchWhateverTheAnswer(DistributorFaults.None);
}
