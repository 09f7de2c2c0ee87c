using System.Collections.Immutable;
using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Distributor;

/// <summary>A push's wire answer together with what it did to the store.</summary>
/// <param name="Response">The HTTP answer.</param>
/// <param name="Outcome">Definite or indefinite, acknowledged or not.</param>
/// <param name="Streams">
/// The streams the distributor sent (canonical labels, token, valid entries): acknowledged for
/// <see cref="PushOutcome.Acknowledged"/> and <see cref="PushOutcome.PartiallyAcknowledged"/>, possibly stored for
/// <see cref="PushOutcome.Indefinite"/>, empty for <see cref="PushOutcome.Rejected"/>.
/// </param>
public sealed record PushResult(PushResponse Response, PushOutcome Outcome, ImmutableArray<IngesterStream> Streams)
{
    /// <summary>A definite rejection: nothing was sent.</summary>
    public static PushResult Rejected(int statusCode, string body) =>
        new(new PushResponse(statusCode, body), PushOutcome.Rejected, ImmutableArray<IngesterStream>.Empty);
}
