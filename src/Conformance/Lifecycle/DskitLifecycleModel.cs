namespace Verified.Conformance.Lifecycle;

/// <summary>
/// An independent model of dskit's instance lifecycle, kept on purpose as a cross-check of spec/loki.yaml:
/// the transitions <c>changeState</c> allows and the restart rules of <c>initRing</c> (grafana/dskit
/// ring/lifecycler.go @06829887), written out by hand from the source rather than from the spec.
/// </summary>
public static class DskitLifecycleModel
{
    /// <summary>The states of ring.proto InstanceState.</summary>
    public static IReadOnlyList<string> States { get; } = ["ACTIVE", "LEAVING", "PENDING", "JOINING", "LEFT"];

    /// <summary>The changes changeState allows.</summary>
    public static IReadOnlySet<(string From, string To)> Allowed { get; } = new HashSet<(string, string)>
    {
        ("PENDING", "JOINING"),
        ("JOINING", "PENDING"),
        ("JOINING", "ACTIVE"),
        ("PENDING", "ACTIVE"),
        ("ACTIVE", "LEAVING"),
    };

    /// <summary>initRing: the state an instance resumes in when it finds its own entry.</summary>
    public static IReadOnlyDictionary<string, string> OnRestart { get; } = new Dictionary<string, string>
    {
        ["JOINING"] = "PENDING",
        ["LEAVING"] = "ACTIVE",
    };

    /// <summary>dskit's text for any other change.</summary>
    public static string Disallowed(string from, string to) => $"changing instance state from {from} -> {to} is disallowed";
}
