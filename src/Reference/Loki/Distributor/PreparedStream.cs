using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Distributor;

/// <summary>A pushed stream after the entry point: its label text as validation sees it, and (seeded bug only) what to hash instead.</summary>
internal readonly record struct PreparedStream(PushStream Stream, string? HashLabelsOverride);
