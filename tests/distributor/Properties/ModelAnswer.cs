using System.Collections.Immutable;
using Verified.Reference.Loki.Push;

namespace Verified.Distributor.Tests.Properties;

/// <summary>What the validation model expects: status, body (its groups for a 400), and the streams to send.</summary>
public sealed record ModelAnswer(int Status, string Body, IReadOnlyList<(string Message, int Count)> Groups, IReadOnlyList<(string Labels, ImmutableArray<LogEntry> Entries)> Sent);
