namespace Verified.Cli.Oracle;

/// <summary>A request the oracle cannot answer; the message goes back as <c>{"error": message}</c>.</summary>
internal sealed class OracleException(string message) : Exception(message);
