namespace Verified.Reference.Loki.Ingester;

/// <summary>
/// Whether the ingester reproduces Loki's named flaws (LOKI.md <c>[FLAW]</c>) or the behaviour a careful reader
/// of the contract would expect. Only the flaws listed on each member differ.
/// </summary>
public enum Compat
{
    /// <summary>
    /// Loki as it is: a push answers with the result of its LAST stream only (an earlier stream's rejection is
    /// masked by a later success), and a WAL write that fails with ENOSPC is skipped while the push is still
    /// acknowledged (loki pkg/ingester/instance.go Push).
    /// </summary>
    LokiCompat,

    /// <summary>A push answers with its FIRST failure, and fails with 500 when its WAL record cannot be written.</summary>
    Strict,
}
