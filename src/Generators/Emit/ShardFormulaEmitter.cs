using Verified.Generators.Model;

namespace Verified.Generators.Emit;

/// <summary>Emits the shard-formula half of a spec class (Elasticsearch routing).</summary>
internal static class ShardFormulaEmitter
{
    public static void Emit(IndentedWriter w, SpecModel spec, ShardFormulaModel shards)
    {
        var signed = spec.Hash.Signed ? "signed (Java int)" : "unsigned bits read as int";
        w.Line($"/// <summary>Routing hash of the effective routing ({signed}).</summary>");
        w.Line("public static int Hash(string effectiveRouting) => unchecked((int)HashKey(effectiveRouting));");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("int global::Verified.Routing.IShardFormulaSpec.Hash(string effectiveRouting) => Hash(effectiveRouting);");
        w.Line();
        if (shards.Modulo == "floor")
        {
            w.Line("/// <summary>Java Math.floorMod: the result has the divisor's sign, so it is in [0, divisor) for a positive divisor.</summary>");
            w.Line("public static int Mod(int value, int divisor) => ((value % divisor) + divisor) % divisor;");
        }
        else
        {
            w.Line("/// <summary>Truncating remainder (C# and Java <c>%</c>): negative for a negative value.</summary>");
            w.Line("public static int Mod(int value, int divisor) => value % divisor;");
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("int global::Verified.Routing.IShardFormulaSpec.Mod(int value, int divisor) => Mod(value, divisor);");
        w.Line();
        w.Line("/// <summary>Legacy: Mod(h, R) / (R / N); shard s owns residues [s·f, (s+1)·f).</summary>");
        w.Line("public static int ShardLegacy(int hash, int shards, int routingShards) => Mod(hash, routingShards) / (routingShards / shards);");
        w.Line();
        w.Line("/// <summary>Modulo: Mod(h, N).</summary>");
        w.Line("public static int ShardModulo(int hash, int shards) => Mod(hash, shards);");
        w.Line();
        w.Line("/// <summary>The spec's default formula.</summary>");
        w.Line($"public const global::Verified.Routing.ShardFormula Formula = global::Verified.Routing.ShardFormula.{(shards.Formula == "legacy" ? "Legacy" : "Modulo")};");
        w.Line("/// <inheritdoc />");
        w.Line("public global::Verified.Routing.ShardFormula DefaultFormula => Formula;");
        w.Line();
        w.Line("/// <summary>Shard of a routing hash under <paramref name=\"formula\"/>.</summary>");
        w.Line("public static int Shard(int hash, int shards, int routingShards, global::Verified.Routing.ShardFormula formula) =>");
        w.Line("    formula == global::Verified.Routing.ShardFormula.Modulo ? ShardModulo(hash, shards) : ShardLegacy(hash, shards, routingShards);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("int global::Verified.Routing.IShardFormulaSpec.Shard(int hash, int shards, int routingShards, global::Verified.Routing.ShardFormula formula) => Shard(hash, shards, routingShards, formula);");
        w.Line();
        w.Line("/// <summary>Default number_of_routing_shards for <paramref name=\"shards\"/> primaries.</summary>");
        w.Line($"public static int DefaultRoutingShards(int shards) => {shards.DefaultRoutingShards};");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("int global::Verified.Routing.IShardFormulaSpec.DefaultRoutingShards(int shards) => DefaultRoutingShards(shards);");
        w.Line();
        var hashSpace = shards.PartitionOffset == "hash-space";
        w.Line(hashSpace
            ? "/// <summary>Shard of a document: with p &gt; 1, F(wrap32(Hash(routing) + Mod(Hash(id), p))); else F(Hash(routing ?? id)). Java int addition wraps.</summary>"
            : "/// <summary>Shard of a document: with p &gt; 1, Mod(F(Hash(routing)) + Mod(Hash(id), p), N); else F(Hash(routing ?? id)).</summary>");
        using (w.Block("public static int ShardOf(string id, string? routing, int shards, int routingShards, int partitionSize, global::Verified.Routing.ShardFormula formula)"))
        {
            using (w.Block("if (partitionSize > 1 && routing is not null)"))
            {
                w.Line("var offset = Mod(Hash(id), partitionSize);");
                w.Line(hashSpace
                    ? "return Shard(unchecked(Hash(routing) + offset), shards, routingShards, formula);"
                    : "return Mod(Shard(Hash(routing), shards, routingShards, formula) + offset, shards);");
            }

            w.Line();
            w.Line("return Shard(Hash(routing ?? id), shards, routingShards, formula);");
        }

        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("int global::Verified.Routing.IShardFormulaSpec.ShardOf(string id, string? routing, int shards, int routingShards, int partitionSize, global::Verified.Routing.ShardFormula formula) => ShardOf(id, routing, shards, routingShards, partitionSize, formula);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public int DefaultPartitionSize => {Literal.Int(shards.DefaultPartitionSize)};");
        w.Line("/// <inheritdoc />");
        w.Line($"public bool PartitionOffsetInHashSpace => {Literal.Bool(hashSpace)};");
        w.Line("/// <inheritdoc />");
        w.Line($"public bool PartitionRequiresRouting => {Literal.Bool(shards.PartitionRequiresRouting)};");
        w.Line();
        var e = new System.Collections.Generic.Dictionary<string, string>();
        foreach (var kv in shards.Errors)
        {
            e[kv.Key] = kv.Value;
        }

        w.Line("/// <summary>Error texts.</summary>");
        w.Line($"public static readonly global::Verified.Routing.ShardErrorTexts ErrorTexts = new({Literal.String(e["routing_missing"])}, {Literal.String(e["shards_positive"])}, {Literal.String(e["routing_shards_factor"])}, {Literal.String(e["partition_size_range"])});");
        w.Line("/// <inheritdoc />");
        w.Line("public global::Verified.Routing.ShardErrorTexts Errors => ErrorTexts;");
        w.Line();
    }
}
