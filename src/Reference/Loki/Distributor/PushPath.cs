namespace Verified.Reference.Loki.Distributor;

/// <summary>The distributor's entry points (LOKI.md §1, §3).</summary>
public enum PushPath
{
    /// <summary>
    /// <c>POST /loki/api/v1/push</c> (loki pkg/loghttp/push/push.go ParseLokiRequest): every stream's labels are
    /// parsed first and one failure rejects the whole request (400 <c>couldn't parse labels: …</c>); service_name
    /// is discovered and the labels are re-printed before validation, so messages show the canonical form.
    /// </summary>
    Http,

    /// <summary>
    /// Direct gRPC <c>Push</c>: no service_name discovery; a selector that does not parse is one invalid stream
    /// (<c>error parsing labels '…' with error: …</c>) and label messages show the text as sent. The distributor
    /// vectors use this path.
    /// </summary>
    Grpc,
}
