namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// Whether this ingester still owns a stream (Loki checks every 30s with TokenFor and the WriteNoExtend ring
/// operation); a stream it no longer owns is flushed with reason <c>not_owned</c>.
/// </summary>
/// <param name="tenant">Tenant.</param>
/// <param name="labels">Canonical labels.</param>
/// <param name="token">The stream's ring token as the distributor computed it.</param>
public delegate bool StreamOwnership(string tenant, string labels, uint token);
