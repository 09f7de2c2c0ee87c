namespace Verified.Reference.Loki.Querier;

/// <summary>
/// One input of a lazy merge: entries in direction order, produced only once <see cref="Open"/> is called, and the
/// timestamp no entry of it comes before in direction order (smallest for FORWARD, largest for BACKWARD) — a stored
/// chunk's bound from its block metadata, so the merge knows when the chunk can start to matter without decoding it.
/// </summary>
/// <param name="FirstTs">No entry comes before this timestamp in direction order; the far edge when unknown.</param>
/// <param name="Open">Produces the entries; called at most once.</param>
internal sealed record LazyInput(long FirstTs, Func<IEnumerable<StreamEntry>> Open);
