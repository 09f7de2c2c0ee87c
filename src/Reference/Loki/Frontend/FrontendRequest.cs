namespace Verified.Reference.Loki.Frontend;

/// <summary>A log range query as the frontend receives it.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Query">The LogQL text, opaque to the frontend and passed to every split.</param>
/// <param name="StartNs">Inclusive start, Unix ns.</param>
/// <param name="EndNs">Exclusive end, Unix ns.</param>
/// <param name="Direction">Entry order; Loki's HTTP default is BACKWARD.</param>
/// <param name="Limit">Maximum entries over all streams (HTTP default 100).</param>
public sealed record FrontendRequest(string Tenant, string Query, long StartNs, long EndNs, Direction Direction = Direction.Backward, int Limit = 100);
