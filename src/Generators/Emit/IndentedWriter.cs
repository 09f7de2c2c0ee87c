using System;
using System.Text;

namespace Verified.Generators.Emit;

/// <summary>A minimal indented text writer: generated code is text, never syntax trees.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _builder = new();
    private int _depth;

    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _depth * 4);
        }

        _builder.Append(text).Append('\n');
        return this;
    }

    public IndentedWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line);
        }

        return this;
    }

    public IDisposable Block(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return new Closer(this);
    }

    public override string ToString() => _builder.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly IndentedWriter _writer;

        public Closer(IndentedWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._depth--;
            _writer.Line("}");
        }
    }
}
