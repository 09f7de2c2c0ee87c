using FsCheck;
using FsCheck.Fluent;

namespace Verified.Distributor.Tests.Properties;

/// <summary>Generators of <see cref="QuorumCase"/>: failures are frequent, so quorum is often at stake.</summary>
public static class QuorumCaseGen
{
    private static readonly Gen<ReplicaAnswer> Answers = Gen.Frequency(
        (5, Gen.Constant(ReplicaAnswer.Ok)),
        (2, Gen.Constant(ReplicaAnswer.ServerError)),
        (1, Gen.Constant(ReplicaAnswer.TooManyRequests)),
        (2, Gen.Constant(ReplicaAnswer.Unreachable)));

    /// <summary>Cases.</summary>
    public static Gen<QuorumCase> Cases { get; } =
        from n in Gen.Choose(3, 6)
        from seed in Gen.Choose(0, int.MaxValue)
        from stale in Gen.ArrayOf(Gen.Frequency((7, Gen.Constant(false)), (1, Gen.Constant(true))), n)
        from answers in Gen.ArrayOf(Answers, n)
        from count in Gen.Choose(1, 4)
        from streams in Gen.ArrayOf(Gen.Choose(0, 40), count)
        select new QuorumCase(seed, [.. stale], [.. answers], [.. streams]);
}
