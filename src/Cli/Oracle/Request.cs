using System.Globalization;
using System.Text.Json;

namespace Verified.Cli.Oracle;

/// <summary>Typed access to the fields of one request object, with errors that name the field.</summary>
internal readonly struct Request(JsonElement root)
{
    public JsonElement Root => root;

    public string String(string name) => Optional(name) is { } value ? value : throw Missing(name);

    public string? Optional(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? JsonStrings.Get(value) : throw new OracleException($"field '{name}' must be a string");
    }

    public long Integer(string name, long min, long max) => OptionalInteger(name, min, max) ?? throw Missing(name);

    public long? OptionalInteger(string name, long min, long max)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw new OracleException($"field '{name}' must be an integer");
        }

        if (number < min || number > max)
        {
            throw new OracleException(string.Create(CultureInfo.InvariantCulture, $"field '{name}' must be between {min} and {max}, not {number}"));
        }

        return number;
    }

    public bool? OptionalBool(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new OracleException($"field '{name}' must be true or false"),
        };
    }

    public JsonElement Array(string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Missing(name);
        }

        return value.ValueKind == JsonValueKind.Array ? value : throw new OracleException($"field '{name}' must be an array");
    }

    private static OracleException Missing(string name) => new($"missing field '{name}'");
}
