using System.Text.Encodings.Web;
using System.Text.Json;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>Writer settings for response bodies: escape only what JSON requires (Jackson writes <c>+</c>, <c>'</c>, <c>&lt;</c> as they are).</summary>
internal static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
