namespace Verified.Cli.Check;

/// <summary>How <c>verified check</c> writes its report.</summary>
internal enum ReportFormat
{
    /// <summary>A human table (the default).</summary>
    Table,

    /// <summary>Machine-readable JSON.</summary>
    Json,

    /// <summary>JUnit XML for CI test tabs: one test case per requirement.</summary>
    Junit,
}
