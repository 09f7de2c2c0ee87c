using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;

namespace Verified.Distributor.Tests.Properties;

/// <summary>A generated push: the entry point, the tenant's limits and streams mixing valid and invalid parts.</summary>
public sealed record PushCase(PushPath Path, string Tenant, DistributorLimits Limits, ImmutableArray<StreamCase> Streams)
{
    /// <summary>The request as a client sends it.</summary>
    public PushRequest Request => new(Tenant, [.. Streams.Select(s => new PushStream(s.Selector, s.Entries))]);

    /// <summary>Readable, for counterexamples.</summary>
    public override string ToString()
    {
        var l = Limits;
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{Path} tenant={Tenant} limits(names={l.MaxLabelNamesPerSeries} nameLen={l.MaxLabelNameLength} valueLen={l.MaxLabelValueLength} line={l.MaxLineSize} sm={l.AllowStructuredMetadata}/{l.MaxStructuredMetadataSize}/{l.MaxStructuredMetadataEntriesCount} rejectOld={l.RejectOldSamples} burst={l.IngestionBurstSizeBytes})"));
        foreach (var s in Streams)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {s}");
        }

        return text.ToString();
    }
}
