using System.Collections.Immutable;
using System.Text.Json;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Ring;
using Verified.Routing;

namespace Verified.Cli.Oracle;

/// <summary>The loki.* oracle ops: canonical labels, token, ring lookups.</summary>
internal static class LokiOps
{
    public static void Canonical(Request request, Utf8JsonWriter writer)
    {
        var spec = OracleHandler.SpecOf<ITokenRingSpec>(request, LokiRouting.Instance);
        var canonical = Parse(() => LokiStreams.Canonical(spec, request.String("labels"), request.OptionalBool("discover_service_name") ?? false));
        writer.WriteStartObject();
        writer.WriteString("labels", canonical);
        writer.WriteEndObject();
    }

    public static void Token(Request request, Utf8JsonWriter writer)
    {
        var spec = OracleHandler.SpecOf<ITokenRingSpec>(request, LokiRouting.Instance);
        var tenant = request.String("tenant");
        var canonical = Parse(() => LokiStreams.Canonical(spec, request.String("labels"), request.OptionalBool("discover_service_name") ?? false));
        writer.WriteStartObject();
        writer.WriteNumber("token", spec.TokenFor(tenant, canonical));
        writer.WriteString("labels", canonical);
        writer.WriteEndObject();
    }

    public static void RingGet(Request request, Utf8JsonWriter writer)
    {
        var (ring, now) = BuildRing(request);
        var op = Operation(request, ring.Spec);
        var key = (uint)request.Integer("key", 0, uint.MaxValue);
        Write(writer, ring.Get(key, op, now));
    }

    public static void RingReadSet(Request request, Utf8JsonWriter writer)
    {
        var (ring, now) = BuildRing(request);
        Write(writer, ring.GetReplicationSetForOperation(Operation(request, ring.Spec), now));
    }

    private static void Write(Utf8JsonWriter writer, ReplicationSet set)
    {
        if (!set.Succeeded)
        {
            throw new OracleException(set.Error!);
        }

        writer.WriteStartObject();
        writer.WriteStartArray("instances");
        foreach (var instance in set.Instances)
        {
            writer.WriteStringValue(instance.Id);
        }

        writer.WriteEndArray();
        writer.WriteNumber("max_errors", set.MaxErrors);
        writer.WriteEndObject();
    }

    private static RingOperation Operation(Request request, ITokenRingSpec spec)
    {
        var name = request.String("operation");
        return spec.FindOperation(name)
            ?? throw new OracleException($"field 'operation' must be one of {string.Join(", ", spec.Operations.Select(o => o.Name))}, not \"{name}\"");
    }

    private static (Ring Ring, long Now) BuildRing(Request request)
    {
        var spec = OracleHandler.SpecOf<ITokenRingSpec>(request, LokiRouting.Instance);
        var config = new RingConfig(
            (int)(request.OptionalInteger("replication_factor", int.MinValue, int.MaxValue) ?? spec.ReplicationFactor),
            request.OptionalBool("zone_awareness") ?? spec.ZoneAwareness,
            (int)(request.OptionalInteger("heartbeat_timeout_s", int.MinValue, int.MaxValue) ?? spec.HeartbeatTimeoutSeconds));
        var now = request.Integer("now", long.MinValue, long.MaxValue);
        var instances = new List<RingInstance>();
        var index = 0;
        foreach (var element in request.Array("instances").EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new OracleException($"instances[{index}] must be an object");
            }

            var item = new Request(element);
            var id = item.String("id");
            var stateName = item.String("state");
            var state = spec.FindState(stateName)
                ?? throw new OracleException($"instances[{index}] ('{id}'): state must be one of {string.Join(", ", spec.States.Select(s => s.Name))}, not \"{stateName}\"");
            var tokens = ImmutableArray.CreateBuilder<uint>();
            foreach (var token in item.Array("tokens").EnumerateArray())
            {
                if (token.ValueKind != JsonValueKind.Number || !token.TryGetUInt32(out var value))
                {
                    throw new OracleException($"instances[{index}] ('{id}'): tokens must be integers in [0, 4294967295]");
                }

                tokens.Add(value);
            }

            instances.Add(new RingInstance(id, item.Optional("addr") ?? id, item.Optional("zone") ?? string.Empty, state, tokens.ToImmutable(), item.Integer("heartbeat", long.MinValue, long.MaxValue)));
            index++;
        }

        return (new Ring(spec, instances, config), now);
    }

    private static string Parse(Func<string> canonical)
    {
        try
        {
            return canonical();
        }
        catch (LabelParseException ex)
        {
            throw new OracleException(ex.Message);
        }
    }
}
